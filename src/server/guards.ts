import type { MiddlewareHandler } from 'hono';
import { StarlError } from '../core/errors.js';
import { cameOverTls } from './access.js';
import { sendError } from './http-errors.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Rejects requests whose Host header is not one the server answers to. A page on another site can
 * point its own domain name at 127.0.0.1 (DNS rebinding) and then pass any Origin check; it cannot
 * make the browser send our host name.
 */
export function requireKnownHost(allowedHosts: readonly string[]): MiddlewareHandler {
  return async (c, next) => {
    // Read on every request: the server learns its port, and so its host names, only once it listens.
    const host = (c.req.header('host') ?? '').toLowerCase();
    if (!allowedHosts.some((allowed) => allowed.toLowerCase() === host)) {
      return sendError(c, new StarlError('E_FORBIDDEN_ORIGIN', `Starl does not answer to the host "${host}"; open it at ${allowedHosts[0]}.`));
    }
    await next();
  };
}

/**
 * Rejects cross-origin writes, so a web page elsewhere cannot post into the local API. Browsers send
 * Origin (and Sec-Fetch-Site) on every cross-origin POST; scripts such as curl send neither and are
 * let through, since they already run on the candidate's machine. Behind a trusted proxy that ends
 * TLS, Starl's own pages are https:// although the request reaches it over http://.
 */
export function rejectCrossOriginWrites(trustProxy = false): MiddlewareHandler {
  return async (c, next) => {
    if (SAFE_METHODS.has(c.req.method)) return next();
    const fetchSite = c.req.header('sec-fetch-site');
    const origin = c.req.header('origin');
    const crossSite = fetchSite !== undefined && fetchSite !== 'same-origin' && fetchSite !== 'none';
    const own = new URL(c.req.url);
    if (cameOverTls(c, trustProxy)) own.protocol = 'https:';
    if (crossSite || (origin !== undefined && origin !== own.origin)) {
      return sendError(c, new StarlError('E_FORBIDDEN_ORIGIN', `Writes are accepted only from Starl's own pages, not from "${origin ?? fetchSite}".`));
    }
    await next();
  };
}

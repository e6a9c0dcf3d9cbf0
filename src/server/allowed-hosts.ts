import { isIP } from 'node:net';
import { StarlError } from '../core/errors.js';

/** The names of this machine that only this machine can resolve. */
const LOOPBACK_NAMES = ['127.0.0.1', 'localhost', '[::1]'];

/** Addresses that bind every interface; no client ever sends them as its Host. */
const WILDCARDS = new Set(['0.0.0.0', '::']);

/** Whether an address to bind is reachable only from this machine (all of 127.0.0.0/8, ::1, localhost). */
export function isLoopback(bindHost: string): boolean {
  return bindHost === 'localhost' || bindHost === '::1' || (isIP(bindHost) === 4 && bindHost.startsWith('127.'));
}

/** `host:port` as a Host header spells it, with an IPv6 address in brackets. */
function hostHeader(name: string, port: number): string {
  return `${isIP(name) === 6 ? `[${name}]` : name}:${port}`.toLowerCase();
}

/** A host given as `name`, `name:port`, an IPv6 address or `[address]:port`, as its Host header; the bound port when it names none. */
function withPort(host: string, port: number): string {
  if (isIP(host) === 6 || !/:\d+$/.test(host)) return hostHeader(host, port);
  return host.toLowerCase();
}

/** What `--allowed-host` and `--public-url` add to the loopback names. */
export interface HostOptions {
  /** Host names (with or without a port; the bound port when without) the server also answers to. */
  allowedHosts?: readonly string[];
  /** The address people open Starl at when it is served beyond loopback, such as `http://starl.lan:4747/`. */
  publicUrl?: string;
}

/**
 * The Host headers a server bound to `bindHost:port` answers to: the loopback names, the bound address
 * itself (an address, unlike a name, cannot be rebound to another site), and the names given with
 * `--allowed-host` or `--public-url`. Everything else is refused, so a page on another site that points
 * its own name at this machine (DNS rebinding) never reaches the API, whatever address is bound.
 */
export function allowedHostsFor(bindHost: string, port: number, options: HostOptions = {}): string[] {
  const hosts = LOOPBACK_NAMES.map((name) => `${name}:${port}`);
  if (!WILDCARDS.has(bindHost) && bindHost !== 'localhost') hosts.push(hostHeader(bindHost, port));
  for (const extra of options.allowedHosts ?? []) hosts.push(withPort(extra, port));
  if (options.publicUrl) hosts.push(new URL(options.publicUrl).host.toLowerCase());
  return [...new Set(hosts)];
}

/** Checks `--public-url`: an http or https address, named in the error when it is not. */
export function parsePublicUrl(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new StarlError('E_USAGE', `--public-url must be an address such as http://starl.lan:4747/, not "${value}".`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new StarlError('E_USAGE', `--public-url must start with http:// or https://, not "${url.protocol}".`);
  }
  return url.href;
}

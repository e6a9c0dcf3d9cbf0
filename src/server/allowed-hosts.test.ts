import { describe, expect, it } from 'vitest';
import { allowedHostsFor, parsePublicUrl } from './allowed-hosts.js';

describe('the Host allow-list', () => {
  it('holds the loopback names on loopback', () => {
    expect(allowedHostsFor('127.0.0.1', 4747)).toEqual(['127.0.0.1:4747', 'localhost:4747', '[::1]:4747']);
  });

  it('adds the bound address, never any other name, beyond 127.0.0.1', () => {
    expect(allowedHostsFor('127.0.0.2', 4747)).toEqual(['127.0.0.1:4747', 'localhost:4747', '[::1]:4747', '127.0.0.2:4747']);
    expect(allowedHostsFor('fe80::1', 80)).toContain('[fe80::1]:80');
    expect(allowedHostsFor('0.0.0.0', 4747)).toEqual(['127.0.0.1:4747', 'localhost:4747', '[::1]:4747']);
    expect(allowedHostsFor('::', 4747)).toEqual(['127.0.0.1:4747', 'localhost:4747', '[::1]:4747']);
  });

  it('adds the names given with --allowed-host and --public-url, with the bound port when they name none', () => {
    const hosts = allowedHostsFor('0.0.0.0', 4747, { allowedHosts: ['Starl.LAN', 'box:8080', '192.168.1.5'], publicUrl: 'https://coach.example/' });
    expect(hosts).toEqual(expect.arrayContaining(['starl.lan:4747', 'box:8080', '192.168.1.5:4747', 'coach.example']));
    expect(hosts).not.toContain('evil.example:4747');
  });

  it('takes only an http or https public URL', () => {
    expect(parsePublicUrl('http://starl.lan:4747')).toBe('http://starl.lan:4747/');
    expect(() => parsePublicUrl('starl.lan')).toThrow(/--public-url must be an address/);
    expect(() => parsePublicUrl('javascript:alert(1)')).toThrow(/must start with http/);
  });
});

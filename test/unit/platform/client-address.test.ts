/**
 * REGIODESK_TRUSTED_PROXIES and the client's address read with it
 * (api/platform/http/client-address.ts): the setting takes addresses and
 * CIDR blocks (IPv4, IPv6) and refuses anything else naming the variable;
 * `X-Forwarded-For` is read only when the peer is a trusted proxy, from the
 * right, up to the first entry that is not itself trusted.
 */
import { describe, expect, it } from 'vitest';
import { settingsFrom } from '../../../api/platform/config.js';
import { clientAddressOf, plainAddress } from '../../../api/platform/http/client-address.js';

describe('REGIODESK_TRUSTED_PROXIES', () => {
  it('is empty unless set, and takes addresses and CIDR blocks separated by commas or spaces', () => {
    expect(settingsFrom({}).trustedProxies).toEqual([]);
    expect(settingsFrom({ REGIODESK_TRUSTED_PROXIES: '  ' }).trustedProxies).toEqual([]);
    expect(settingsFrom({ REGIODESK_TRUSTED_PROXIES: '10.0.0.5, 10.20.0.0/16 ::1,FD00::/8' }).trustedProxies).toEqual(['10.0.0.5', '10.20.0.0/16', '::1', 'fd00::/8']);
  });

  it.each(['proxy.example.org', '10.0.0.0/33', '300.1.1.1', '10.0.0.*', '2001:db8::/129', 'loopback'])('refuses %s with a sentence naming the variable', (value) => {
    expect(() => settingsFrom({ REGIODESK_TRUSTED_PROXIES: `10.0.0.5, ${value}` })).toThrow(
      `REGIODESK_TRUSTED_PROXIES must be IP addresses or CIDR blocks separated by commas, such as 10.0.0.5, 10.20.0.0/16, ::1, not "${value}".`
    );
  });
});

describe('the client’s address', () => {
  it('is the peer’s without trusted proxies, whatever X-Forwarded-For says', () => {
    const addressOf = clientAddressOf([]);
    expect(addressOf('203.0.113.7', '198.51.100.1')).toBe('203.0.113.7');
    expect(addressOf('::ffff:203.0.113.7', undefined)).toBe('203.0.113.7');
    expect(addressOf(undefined, '198.51.100.1')).toBe('local');
  });

  it('is the peer’s when the peer is not a trusted proxy: a forged header changes nothing', () => {
    const addressOf = clientAddressOf(['10.0.0.5', '10.20.0.0/16']);
    expect(addressOf('203.0.113.7', '198.51.100.1')).toBe('203.0.113.7');
    expect(addressOf('10.0.0.6', '10.0.0.5, 198.51.100.1')).toBe('10.0.0.6');
  });

  it('behind a trusted proxy is the right-most forwarded address that is not itself a trusted proxy', () => {
    const addressOf = clientAddressOf(['10.0.0.5', '10.20.0.0/16', 'fd00::/8']);
    expect(addressOf('10.0.0.5', '198.51.100.1')).toBe('198.51.100.1');
    // what the client put in front of the proxy's entry is not believed
    expect(addressOf('10.0.0.5', '192.0.2.66, 198.51.100.1')).toBe('198.51.100.1');
    // a chain of trusted proxies is walked through; an IPv4-mapped peer is the IPv4 address
    expect(addressOf('::ffff:10.0.0.5', '192.0.2.66,198.51.100.1 , 10.20.3.4,10.0.0.5')).toBe('198.51.100.1');
    expect(addressOf('fd00::2', '2001:DB8::7, fd00::1')).toBe('2001:db8::7');
    // every entry trusted: the left-most; no header: the proxy itself
    expect(addressOf('10.0.0.5', '10.20.0.1, 10.20.0.2')).toBe('10.20.0.1');
    expect(addressOf('10.0.0.5', undefined)).toBe('10.0.0.5');
    // ports are dropped; an entry that is no address ends the walk at the trusted proxy that wrote it
    expect(addressOf('10.0.0.5', '198.51.100.1:51234')).toBe('198.51.100.1');
    expect(addressOf('10.0.0.5', '[2001:db8::7]:443')).toBe('2001:db8::7');
    expect(addressOf('10.0.0.5', '198.51.100.1, unknown')).toBe('10.0.0.5');
    expect(addressOf('10.0.0.5', '198.51.100.1, unknown, 10.20.0.9')).toBe('10.20.0.9');
  });

  it('writes each address one way', () => {
    expect(plainAddress(' 203.0.113.7 ')).toBe('203.0.113.7');
    expect(plainAddress('::FFFF:203.0.113.7')).toBe('203.0.113.7');
    expect(plainAddress('[2001:DB8::7]')).toBe('2001:db8::7');
    expect(plainAddress('_hidden')).toBeNull();
    expect(plainAddress('')).toBeNull();
  });
});

/**
 * The client's address, as the sign-in and feedback limits count it (and
 * a session records it).
 *
 * Without trusted proxies (REGIODESK_TRUSTED_PROXIES unset, the default) it
 * is the address of the connection's other end, the peer: `X-Forwarded-For`
 * is never read, so a header a client makes up changes nothing.
 *
 * Behind a reverse proxy every connection comes from the proxy. When the
 * peer is one of the trusted proxies (addresses or CIDR blocks), the
 * address is read from `X-Forwarded-For`, from its right end: each proxy
 * appends the address it was connected from, so the right-most entry that
 * is not itself a trusted proxy is the client as the first trusted proxy
 * saw it; what stands left of it was sent by the client and is not
 * believed. Every entry trusted (a chain of proxies only): the left-most.
 * An entry that is no address (`unknown`, a name) ends the walk at the
 * trusted proxy that wrote it. A port (`203.0.113.7:51234`,
 * `[2001:db8::7]:443`) is dropped, and an IPv4 address written as IPv6
 * (`::ffff:203.0.113.7`) counts as the IPv4 address, so one client is one
 * address whichever way it arrived.
 *
 * Matching uses Node's own `net.BlockList` (IPv4 and IPv6, CIDR blocks; an
 * IPv4 rule matches the IPv4-mapped IPv6 form too).
 */
import { BlockList, isIP } from 'node:net';

/** How many `X-Forwarded-For` entries are read at most (from the right): more proxies than this in a row are not a deployment. */
const MAX_HOPS = 20;

/** Reads the client's address from the peer's address and the request's `X-Forwarded-For` header. */
export type ClientAddressOf = (peer: string | undefined, forwardedFor: string | undefined) => string;

/** An address without port, brackets or IPv4-mapped prefix; null when it is no IP address. */
export function plainAddress(text: string): string | null {
  let value = text.trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(value);
  if (bracketed) value = bracketed[1]!;
  else if (/^[\d.]+:\d+$/.test(value)) value = value.slice(0, value.lastIndexOf(':'));
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(value);
  if (mapped) value = mapped[1]!;
  return isIP(value) ? value.toLowerCase() : null;
}

/** `trusted`: the settings' addresses and CIDR blocks (config.ts checked each); none: the peer's address, always. */
export function clientAddressOf(trusted: readonly string[]): ClientAddressOf {
  const peerOf = (peer: string | undefined) => (peer === undefined ? 'local' : (plainAddress(peer) ?? peer));
  if (trusted.length === 0) return peerOf;
  const proxies = new BlockList();
  for (const entry of trusted) {
    const [address, prefix] = entry.split('/') as [string, string | undefined];
    const plain = plainAddress(address) ?? address;
    const family = isIP(plain) === 6 ? 'ipv6' : 'ipv4';
    if (prefix === undefined) proxies.addAddress(plain, family);
    else proxies.addSubnet(plain, Number(prefix), family);
  }
  const isTrusted = (address: string) => proxies.check(address, isIP(address) === 6 ? 'ipv6' : 'ipv4');

  return (peer, forwardedFor) => {
    let address = peerOf(peer);
    if (!forwardedFor || isIP(address) === 0 || !isTrusted(address)) return address;
    const hops = forwardedFor.split(',').slice(-MAX_HOPS).reverse();
    for (const hop of hops) {
      if (!hop.trim()) continue;
      const next = plainAddress(hop);
      if (next === null) return address;
      address = next;
      if (!isTrusted(address)) return address;
    }
    return address;
  };
}

import { BlockList, isIP } from 'node:net';

/**
 * Which IP addresses an outgoing request to a user's endpoint may reach. Addresses are read as
 * bytes rather than matched as text, because an IPv6 address has many spellings
 * (`::ffff:7f00:1`, `0:0:0:0:0:ffff:127.0.0.1`, …) and each must land in the same range.
 */

/** IPv4 ranges that are not the public internet (IANA special-purpose registry, RFC 6890). */
const blocked4 = new BlockList();
for (const [net, bits] of [
  ['0.0.0.0', 8], // "this network"; 0.0.0.0 reaches the local host
  ['10.0.0.0', 8],
  ['100.64.0.0', 10], // CGNAT
  ['127.0.0.0', 8],
  ['169.254.0.0', 16], // link-local, cloud metadata (169.254.169.254)
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.88.99.0', 24], // 6to4 relays
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, and 255.255.255.255 broadcast
] as const)
  blocked4.addSubnet(net, bits, 'ipv4');

/** IPv6 ranges that are not the public internet; those embedding an IPv4 address are judged by it (below). */
const blocked6 = new BlockList();
for (const [net, bits] of [
  ['::', 96], // unspecified, loopback, IPv4-compatible
  ['64:ff9b:1::', 48], // local NAT64
  ['100::', 64], // discard
  ['2001::', 23], // IETF protocol assignments (Teredo, benchmarking, ORCHID)
  ['2001:db8::', 32], // documentation
  ['3fff::', 20], // documentation
  ['5f00::', 16], // segment routing
  ['fc00::', 7], // unique local (fd00:ec2::254 is a metadata address)
  ['fe80::', 10], // link-local
  ['fec0::', 10], // site-local
  ['ff00::', 8], // multicast
] as const)
  blocked6.addSubnet(net, bits, 'ipv6');

/** The 16 bytes of an IPv6 address, or undefined when it is not one. */
export function ipv6Bytes(address: string): Uint8Array | undefined {
  if (isIP(address) !== 6 || address.includes('%')) return undefined;
  // A trailing dotted quad (::ffff:1.2.3.4) is the last two groups.
  const last = address.lastIndexOf(':') + 1;
  let text = address;
  if (address.includes('.', last)) {
    const [a, b, c, d] = address.slice(last).split('.').map(Number) as [number, number, number, number];
    text = `${address.slice(0, last)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, tail] = text.includes('::') ? text.split('::') : [text, undefined];
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = tail === undefined ? left : [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right];
  const bytes = new Uint8Array(16);
  groups.forEach((group, i) => {
    const value = parseInt(group, 16);
    bytes[i * 2] = value >> 8;
    bytes[i * 2 + 1] = value & 255;
  });
  return bytes;
}

const v4 = (bytes: Uint8Array, at: number) => `${bytes[at]}.${bytes[at + 1]}.${bytes[at + 2]}.${bytes[at + 3]}`;
const zeros = (bytes: Uint8Array, from: number, to: number) => bytes.subarray(from, to).every((b) => b === 0);

/**
 * The IPv4 address an IPv6 one leads to: IPv4-mapped (::ffff:a.b.c.d), IPv4-translated
 * (::ffff:0:a.b.c.d), NAT64 (64:ff9b::a.b.c.d) or 6to4 (2002:aabb:ccdd::).
 */
function embeddedIpv4(bytes: Uint8Array): string | undefined {
  if (zeros(bytes, 0, 10) && bytes[10] === 0xff && bytes[11] === 0xff) return v4(bytes, 12);
  if (zeros(bytes, 0, 8) && bytes[8] === 0xff && bytes[9] === 0xff && zeros(bytes, 10, 12)) return v4(bytes, 12);
  if (bytes[0] === 0 && bytes[1] === 0x64 && bytes[2] === 0xff && bytes[3] === 0x9b && zeros(bytes, 4, 12)) return v4(bytes, 12);
  if (bytes[0] === 0x20 && bytes[1] === 0x02) return v4(bytes, 2);
  return undefined;
}

/** Whether an address is on the public internet (not private, loopback, link-local, CGNAT, metadata, …). */
export function isPublicAddress(address: string): boolean {
  if (isIP(address) === 4) return !blocked4.check(address, 'ipv4');
  // A zone index (fe80::1%eth0) only exists for link-local scopes.
  const bytes = ipv6Bytes(address);
  if (!bytes) return false;
  const inner = embeddedIpv4(bytes);
  if (inner !== undefined) return !blocked4.check(inner, 'ipv4');
  return !blocked6.check(address.toLowerCase(), 'ipv6');
}

/** Whether an address is this host's loopback: 127/8, ::1, or 127/8 IPv4-mapped (not via NAT64 or 6to4). */
export function isLoopback(address: string): boolean {
  if (isIP(address) === 4) return address.startsWith('127.');
  const bytes = ipv6Bytes(address);
  if (!bytes) return false;
  if (zeros(bytes, 0, 15) && bytes[15] === 1) return true;
  return zeros(bytes, 0, 10) && bytes[10] === 0xff && bytes[11] === 0xff && bytes[12] === 127;
}

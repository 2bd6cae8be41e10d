import { BlockList, isIP } from 'node:net';
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import http from 'node:http';
import https from 'node:https';

/**
 * Outgoing requests to addresses users chose (push endpoints) or operators configured
 * (webhooks). Only https to public addresses, checked when the name resolves and again for the
 * address actually connected to (a custom `lookup`, so a DNS change between the check and the
 * request changes nothing); outside production, loopback too (http or https). Redirects are
 * never followed, time-outs are short and at most `MAX_RESPONSE_BYTES` of an answer is read.
 */
export interface EndpointPolicy {
  /** Loopback endpoints (http or https) accepted: never in production. */
  allowLoopback: boolean;
  /** Any address accepted (operator-listed push gateways, which may well be internal). */
  trusted?: boolean;
}

export interface SafeResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

export class EndpointRefused extends Error {}

const MAX_RESPONSE_BYTES = 64 * 1024;

const blocked = new BlockList();
for (const [net, bits] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10], // CGNAT
  ['127.0.0.0', 8],
  ['169.254.0.0', 16], // link-local, cloud metadata
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const)
  blocked.addSubnet(net, bits, 'ipv4');
for (const [net, bits] of [
  ['::', 128],
  ['::1', 128],
  ['100::', 64],
  ['2001:db8::', 32],
  ['fc00::', 7], // unique local (also fd00:ec2::254, a metadata address)
  ['fe80::', 10],
  ['fec0::', 10],
  ['ff00::', 8],
] as const)
  blocked.addSubnet(net, bits, 'ipv6');

/** An IPv4 address embedded in an IPv6 one (mapped, compatible, NAT64), or undefined. */
function embeddedIpv4(address: string): string | undefined {
  const match = /^(?:::ffff:|::|64:ff9b::)(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (match) return match[1];
  const hex = /^(?:::ffff:|64:ff9b::)([0-9a-f]{1,4}):([0-9a-f]{1,4})$/i.exec(address);
  if (!hex) return undefined;
  const [hi, lo] = [parseInt(hex[1]!, 16), parseInt(hex[2]!, 16)];
  return `${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`;
}

export function isLoopback(address: string): boolean {
  const v4 = isIP(address) === 6 ? embeddedIpv4(address) : address;
  return v4 ? v4.startsWith('127.') : address === '::1';
}

/** Whether an address is on the public internet (not private, loopback, link-local, CGNAT, metadata, …). */
export function isPublicAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 4) return !blocked.check(address, 'ipv4');
  if (family !== 6) return false;
  const v4 = embeddedIpv4(address);
  if (v4) return !blocked.check(v4, 'ipv4');
  return !blocked.check(address, 'ipv6');
}

function allowed(address: string, policy: EndpointPolicy): boolean {
  return policy.trusted === true || isPublicAddress(address) || (policy.allowLoopback && isLoopback(address));
}

/** Throws `EndpointRefused` unless `raw` is a URL this policy allows to contact (checks the scheme and the name's addresses). */
export async function checkEndpoint(raw: string, policy: EndpointPolicy): Promise<URL> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new EndpointRefused('not a URL');
  }
  if (url.username || url.password) throw new EndpointRefused('credentials in the URL');
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && (policy.allowLoopback || policy.trusted))) {
    throw new EndpointRefused('https only');
  }
  const addresses = await resolve(url.hostname.replace(/^\[|\]$/g, ''));
  for (const address of addresses) {
    if (!allowed(address, policy)) throw new EndpointRefused(`${address} is not a public address`);
    if (url.protocol === 'http:' && !policy.trusted && !isLoopback(address)) throw new EndpointRefused('http only to loopback');
  }
  return url;
}

async function resolve(host: string): Promise<string[]> {
  if (isIP(host)) return [host];
  return new Promise((done, fail) =>
    dnsLookup(host, { all: true }, (err, found) =>
      err ? fail(new EndpointRefused(`cannot resolve ${host}`)) : done(found.map((a) => a.address)),
    ),
  );
}

type LookupCallback = (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/** A `lookup` for http.request that refuses the addresses the policy does not allow. */
function guardedLookup(policy: EndpointPolicy) {
  return (hostname: string, options: { all?: boolean }, callback: LookupCallback) => {
    dnsLookup(hostname, { all: true }, (err, found) => {
      if (err) return callback(err, []);
      const bad = found.find((a) => !allowed(a.address, policy));
      if (bad || found.length === 0) return callback(new EndpointRefused(`${bad?.address ?? hostname} is not allowed`), []);
      if (options.all) return callback(null, found);
      callback(null, found[0]!.address, found[0]!.family);
    });
  };
}

/** POSTs `body` to an endpoint the policy allows; never follows a redirect. */
export async function safePost(
  raw: string,
  init: { headers: Record<string, string>; body: Buffer | string; timeoutMs: number },
  policy: EndpointPolicy,
): Promise<SafeResponse> {
  const url = await checkEndpoint(raw, policy);
  const client = url.protocol === 'https:' ? https : http;
  return new Promise((done, fail) => {
    const request = client.request(
      url,
      {
        method: 'POST',
        headers: { ...init.headers, 'content-length': String(Buffer.byteLength(init.body)) },
        lookup: guardedLookup(policy),
        agent: false,
        timeout: init.timeoutMs,
      },
      (response) => {
        const chunks: Buffer[] = [];
        let size = 0;
        response.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size <= MAX_RESPONSE_BYTES) chunks.push(chunk);
          else response.destroy();
        });
        const finish = () =>
          done({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks).toString('utf8') });
        response.on('end', finish);
        response.on('close', finish);
        response.on('error', finish);
      },
    );
    const timer = setTimeout(() => request.destroy(new Error('timed out')), init.timeoutMs);
    request.on('close', () => clearTimeout(timer));
    request.on('timeout', () => request.destroy(new Error('timed out')));
    request.on('error', fail);
    request.end(init.body);
  });
}

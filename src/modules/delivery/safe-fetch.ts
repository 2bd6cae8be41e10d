import { isIP } from 'node:net';
import { promises as dns, type LookupAddress } from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import { isLoopback, isPublicAddress } from './addresses.js';

export { isLoopback, isPublicAddress } from './addresses.js';

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
  /** How names resolve: the system's resolver unless a test stands in for DNS. */
  resolve?: Resolver;
}

/** All addresses of a name, as `dns.lookup` gives them. */
export type Resolver = (hostname: string) => Promise<LookupAddress[]>;

export interface SafeResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

export class EndpointRefused extends Error {}

export const MAX_RESPONSE_BYTES = 64 * 1024;

const systemResolver: Resolver = (hostname) => dns.lookup(hostname, { all: true });

/** Why a request to `url` may not go to `address` (undefined: it may). */
function refusal(address: string, protocol: string, policy: EndpointPolicy): string | undefined {
  if (policy.trusted) return undefined;
  if (protocol === 'http:' && !isLoopback(address)) return `http only to loopback, not ${address}`;
  if (isPublicAddress(address) || (policy.allowLoopback && isLoopback(address))) return undefined;
  return `${address} is not a public address`;
}

/** The addresses a host name (or IP literal) stands for. */
async function addressesOf(host: string, policy: EndpointPolicy): Promise<string[]> {
  if (isIP(host)) return [host];
  try {
    const found = await (policy.resolve ?? systemResolver)(host);
    if (found.length > 0) return found.map((a) => a.address);
  } catch {
    // reported below
  }
  throw new EndpointRefused(`cannot resolve ${host}`);
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
  for (const address of await addressesOf(url.hostname.replace(/^\[|\]$/g, ''), policy)) {
    const why = refusal(address, url.protocol, policy);
    if (why) throw new EndpointRefused(why);
  }
  return url;
}

type LookupCallback = (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/**
 * The `lookup` the socket resolves its host with: the addresses connected to are the ones checked
 * here, whatever the name resolved to when `checkEndpoint` looked. (Node skips it for IP
 * literals, which `checkEndpoint` has judged for good.)
 */
function guardedLookup(protocol: string, policy: EndpointPolicy) {
  return (hostname: string, options: { all?: boolean }, callback: LookupCallback) => {
    const answer: LookupCallback = (...args) => process.nextTick(() => callback(...args));
    (policy.resolve ?? systemResolver)(hostname).then(
      (found) => {
        const why =
          found.length === 0
            ? `cannot resolve ${hostname}`
            : found.map((a) => refusal(a.address, protocol, policy)).find(Boolean);
        if (why) return answer(new EndpointRefused(why), []);
        if (options.all) return answer(null, found);
        answer(null, found[0]!.address, found[0]!.family);
      },
      (err: NodeJS.ErrnoException) => answer(err, []),
    );
  };
}

/** Rejects with "timed out" unless `promise` settles within `ms`. */
function within<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, fail) => {
    timer = setTimeout(() => fail(new Error('timed out')), ms);
  });
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

/**
 * POSTs `body` to an endpoint the policy allows; never follows a redirect. The whole exchange
 * (resolving, connecting, reading the answer) gets `timeoutMs`, after which it fails as timed
 * out (and is retried); an answer longer than `MAX_RESPONSE_BYTES` is cut there and counts with
 * its status and what was read.
 */
export async function safePost(
  raw: string,
  init: { headers: Record<string, string>; body: Buffer | string; timeoutMs: number },
  policy: EndpointPolicy,
): Promise<SafeResponse> {
  const deadline = Date.now() + init.timeoutMs;
  const url = await within(checkEndpoint(raw, policy), init.timeoutMs);
  const client = url.protocol === 'https:' ? https : http;
  const timeoutMs = Math.max(1, deadline - Date.now());
  return new Promise((done, fail) => {
    const request = client.request(
      url,
      {
        method: 'POST',
        headers: { ...init.headers, 'content-length': String(Buffer.byteLength(init.body)) },
        lookup: guardedLookup(url.protocol, policy),
        agent: false,
        timeout: timeoutMs,
      },
      (response) => {
        const chunks: Buffer[] = [];
        let size = 0;
        response.on('data', (chunk: Buffer) => {
          if (size >= MAX_RESPONSE_BYTES) return;
          chunks.push(chunk.subarray(0, MAX_RESPONSE_BYTES - size));
          size += chunk.length;
          if (size >= MAX_RESPONSE_BYTES) response.destroy();
        });
        const finish = () =>
          done({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks).toString('utf8') });
        response.on('end', finish);
        response.on('close', finish);
        response.on('error', finish);
      },
    );
    const timer = setTimeout(() => request.destroy(new Error('timed out')), timeoutMs);
    request.on('close', () => clearTimeout(timer));
    request.on('timeout', () => request.destroy(new Error('timed out')));
    request.on('error', fail);
    request.end(init.body);
  });
}

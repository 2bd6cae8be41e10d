import { createDecipheriv, createECDH, createPublicKey, hkdfSync, randomBytes, verify } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';

/** A browser's side of a subscription: its key pair and auth secret, made here. */
export interface TestSubscription {
  token: string;
  endpoint: string;
  keys: { p256dh: string; auth: string };
  privateKey: Buffer;
}

export interface ReceivedPush {
  token: string;
  headers: IncomingHttpHeaders;
  /** The decrypted payload, exactly as sent. */
  plaintext: Buffer;
  json: any;
  vapidKey: string;
  claims: { aud: string; exp: number; sub: string };
  answered: number;
  /** When it arrived (ms). */
  at: number;
}

type Answer = { status: number; headers?: Record<string, string> };

/**
 * A Web Push service on loopback, as browsers' push services behave: it checks the VAPID JWT
 * (ES256 signature with the `k=` key, `aud`, `exp`), decrypts the `aes128gcm` body with the
 * subscription's private key (RFC 8291, node:crypto only) and answers what the test says; a
 * body over 4096 bytes is refused with 413.
 */
export class TestPushService {
  readonly received: ReceivedPush[] = [];
  readonly refused: string[] = [];
  private readonly subscriptions = new Map<string, TestSubscription>();
  private readonly answers = new Map<string, Answer[]>();
  private waiters = new Set<() => void>();
  private server: Server;

  private constructor() {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const token = (req.url ?? '').split('/').at(-1) ?? '';
        const body = Buffer.concat(chunks);
        // As the big push services do (RFC 8030 §7.2 lets them): nothing over 4096 bytes.
        if (body.length > 4096) {
          this.refused.push(`${token}: a ${body.length}-byte body`);
          res.writeHead(413).end();
          for (const wake of this.waiters) wake();
          return;
        }
        try {
          const push = this.accept(token, req.headers, body);
          const answer = this.answers.get(token)?.shift() ?? { status: 201 };
          this.received.push({ ...push, answered: answer.status, at: Date.now() });
          res.writeHead(answer.status, answer.headers).end();
        } catch (err) {
          this.refused.push(`${token}: ${(err as Error).message}`);
          res.writeHead(400).end();
        }
        for (const wake of this.waiters) wake();
      });
    });
  }

  static async start(): Promise<TestPushService> {
    const service = new TestPushService();
    await new Promise<void>((resolve) => service.server.listen(0, '127.0.0.1', resolve));
    return service;
  }

  get origin(): string {
    const address = this.server.address();
    if (!address || typeof address === 'string') throw new Error('not listening');
    return `http://127.0.0.1:${address.port}`;
  }

  /** A new subscription as a browser makes it. */
  subscribe(): TestSubscription {
    const ecdh = createECDH('prime256v1');
    const publicKey = ecdh.generateKeys();
    const token = randomBytes(8).toString('hex');
    const sub = {
      token,
      endpoint: `${this.origin}/push/${token}`,
      keys: { p256dh: publicKey.toString('base64url'), auth: randomBytes(16).toString('base64url') },
      privateKey: ecdh.getPrivateKey(),
    };
    this.subscriptions.set(token, sub);
    return sub;
  }

  /** The next answers for a subscription (then 201). */
  answerWith(token: string, ...answers: Answer[]): void {
    this.answers.set(token, answers);
  }

  pushesTo(token: string): ReceivedPush[] {
    return this.received.filter((p) => p.token === token);
  }

  async until<T>(done: () => T | undefined | false, timeoutMs = 15_000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const result = done();
      if (result) return result;
      if (this.refused.length > 0) throw new Error(`refused: ${this.refused.join('; ')}`);
      if (Date.now() > deadline)
        throw new Error(`timed out; received: ${JSON.stringify(this.received.map((p) => [p.token, p.json?.type, p.answered]))}`);
      await new Promise<void>((resolve) => {
        const wake = () => {
          this.waiters.delete(wake);
          clearTimeout(timer);
          resolve();
        };
        const timer = setTimeout(wake, Math.max(1, deadline - Date.now()));
        this.waiters.add(wake);
      });
    }
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private accept(token: string, headers: IncomingHttpHeaders, body: Buffer): Omit<ReceivedPush, 'answered' | 'at'> {
    const sub = this.subscriptions.get(token);
    if (!sub) throw new Error('unknown subscription');
    const { claims, key } = checkVapid(String(headers.authorization ?? ''), this.origin);
    if (headers['content-encoding'] !== 'aes128gcm') throw new Error('not aes128gcm');
    const plaintext = decrypt(body, sub);
    return { token, headers, plaintext, json: JSON.parse(plaintext.toString('utf8')), vapidKey: key, claims };
  }
}

/** RFC 8292: `vapid t=<JWT>, k=<key>`; an ES256 JWT signed by `k`, for this origin, not expired. */
function checkVapid(authorization: string, origin: string) {
  const match = /^vapid t=([\w-]+\.[\w-]+\.[\w-]+), k=([\w-]+)$/.exec(authorization);
  if (!match) throw new Error(`bad Authorization: ${authorization}`);
  const [jwt, key] = [match[1]!, match[2]!];
  const [header, payload, signature] = jwt.split('.') as [string, string, string];
  if (JSON.parse(Buffer.from(header, 'base64url').toString()).alg !== 'ES256') throw new Error('not ES256');
  const point = Buffer.from(key, 'base64url');
  const publicKey = createPublicKey({
    key: { kty: 'EC', crv: 'P-256', x: point.subarray(1, 33).toString('base64url'), y: point.subarray(33).toString('base64url') },
    format: 'jwk',
  });
  const ok = verify(
    'sha256',
    Buffer.from(`${header}.${payload}`),
    { key: publicKey, dsaEncoding: 'ieee-p1363' },
    Buffer.from(signature, 'base64url'),
  );
  if (!ok) throw new Error('bad JWT signature');
  const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as ReceivedPush['claims'];
  const now = Date.now() / 1000;
  if (claims.aud !== origin) throw new Error(`aud ${claims.aud} is not ${origin}`);
  if (!(claims.exp > now && claims.exp <= now + 86_400)) throw new Error('exp out of range');
  if (!/^(mailto:|https:)/.test(claims.sub)) throw new Error('sub is not a contact');
  return { claims, key };
}

/** RFC 8291 / RFC 8188 decryption of a single-record aes128gcm body. */
function decrypt(body: Buffer, sub: TestSubscription): Buffer {
  const salt = body.subarray(0, 16);
  const idLength = body.readUInt8(20);
  const asPublic = body.subarray(21, 21 + idLength);
  const ciphertext = body.subarray(21 + idLength);
  const ecdh = createECDH('prime256v1');
  ecdh.setPrivateKey(sub.privateKey);
  const uaPublic = Buffer.from(sub.keys.p256dh, 'base64url');
  const shared = ecdh.computeSecret(asPublic);
  const keyInfo = Buffer.concat([Buffer.from('WebPush: info\0'), uaPublic, asPublic]);
  const ikm = Buffer.from(hkdfSync('sha256', shared, Buffer.from(sub.keys.auth, 'base64url'), keyInfo, 32));
  const cek = Buffer.from(hkdfSync('sha256', ikm, salt, Buffer.from('Content-Encoding: aes128gcm\0'), 16));
  const nonce = Buffer.from(hkdfSync('sha256', ikm, salt, Buffer.from('Content-Encoding: nonce\0'), 12));
  const decipher = createDecipheriv('aes-128-gcm', cek, nonce);
  decipher.setAuthTag(ciphertext.subarray(-16));
  const padded = Buffer.concat([decipher.update(ciphertext.subarray(0, -16)), decipher.final()]);
  let end = padded.length - 1;
  while (end >= 0 && padded[end] === 0) end -= 1;
  if (padded[end] !== 2) throw new Error('no last-record delimiter');
  return padded.subarray(0, end);
}

import { createCipheriv, createECDH, createPrivateKey, hkdfSync, randomBytes, sign, type KeyObject } from 'node:crypto';

/**
 * Web Push with node:crypto alone: the payload encrypted to the subscription (RFC 8291,
 * `aes128gcm` of RFC 8188) and the request signed with the server's VAPID key (RFC 8292). Both
 * are short, fixed algorithms; doing them here keeps a dependency (and its transitive ones) out.
 */
export interface VapidKeys {
  /** base64url of the uncompressed P-256 point (65 bytes). */
  publicKey: string;
  /** base64url of the private scalar (32 bytes). */
  privateKey: string;
  /** mailto: or https: contact of the operator. */
  subject: string;
}

const RECORD_SIZE = 4096;

/** The `aes128gcm` body of one record: header (salt, rs, keyid = our ephemeral public key) and ciphertext. */
export function encryptPayload(plaintext: Buffer, p256dh: string, auth: string): Buffer {
  const uaPublic = Buffer.from(p256dh, 'base64url');
  const authSecret = Buffer.from(auth, 'base64url');
  const ephemeral = createECDH('prime256v1');
  const asPublic = ephemeral.generateKeys();
  const shared = ephemeral.computeSecret(uaPublic);
  const keyInfo = Buffer.concat([Buffer.from('WebPush: info\0'), uaPublic, asPublic]);
  const ikm = Buffer.from(hkdfSync('sha256', shared, authSecret, keyInfo, 32));
  const salt = randomBytes(16);
  const cek = Buffer.from(hkdfSync('sha256', ikm, salt, Buffer.from('Content-Encoding: aes128gcm\0'), 16));
  const nonce = Buffer.from(hkdfSync('sha256', ikm, salt, Buffer.from('Content-Encoding: nonce\0'), 12));
  const cipher = createCipheriv('aes-128-gcm', cek, nonce);
  // One record: the data, then the delimiter 0x02 that marks the last record (no padding).
  const body = Buffer.concat([cipher.update(Buffer.concat([plaintext, Buffer.from([2])])), cipher.final(), cipher.getAuthTag()]);
  const header = Buffer.alloc(21);
  salt.copy(header, 0);
  header.writeUInt32BE(RECORD_SIZE, 16);
  header.writeUInt8(asPublic.length, 20);
  return Buffer.concat([header, asPublic, body]);
}

/** Whether a key pair given as base64url strings makes a usable subscription (a P-256 point and a 16-byte secret). */
export function validSubscriptionKeys(p256dh: string, auth: string): boolean {
  try {
    const point = Buffer.from(p256dh, 'base64url');
    if (point.length !== 65 || point[0] !== 4 || Buffer.from(auth, 'base64url').length !== 16) return false;
    const probe = createECDH('prime256v1');
    probe.generateKeys();
    probe.computeSecret(point);
    return true;
  } catch {
    return false;
  }
}

export function vapidPrivateKey(keys: VapidKeys): KeyObject {
  const point = Buffer.from(keys.publicKey, 'base64url');
  return createPrivateKey({
    key: {
      kty: 'EC',
      crv: 'P-256',
      d: keys.privateKey,
      x: point.subarray(1, 33).toString('base64url'),
      y: point.subarray(33, 65).toString('base64url'),
    },
    format: 'jwk',
  });
}

/** `Authorization: vapid t=<JWT>, k=<public key>` for an endpoint (`aud` is its origin, valid 12 h). */
export function vapidAuthorization(endpoint: string, keys: VapidKeys, key: KeyObject, now = Date.now()): string {
  const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const claims = { aud: new URL(endpoint).origin, exp: Math.floor(now / 1000) + 12 * 3600, sub: keys.subject };
  const unsigned = `${encode({ typ: 'JWT', alg: 'ES256' })}.${encode(claims)}`;
  const signature = sign('sha256', Buffer.from(unsigned), { key, dsaEncoding: 'ieee-p1363' }).toString('base64url');
  return `vapid t=${unsigned}.${signature}, k=${keys.publicKey}`;
}

/** The headers and body of one Web Push request. */
export function webPushRequest(
  subscription: { endpoint: string; p256dh: string; auth: string },
  payload: string,
  options: { keys: VapidKeys; key: KeyObject; topic: string | null; urgent: boolean },
): { headers: Record<string, string>; body: Buffer } {
  const headers: Record<string, string> = {
    'content-type': 'application/octet-stream',
    'content-encoding': 'aes128gcm',
    ttl: String(86_400),
    urgency: options.urgent ? 'high' : 'normal',
    authorization: vapidAuthorization(subscription.endpoint, options.keys, options.key),
  };
  // Topic: at most 32 characters of the URL-safe base64 alphabet.
  if (options.topic) headers.topic = options.topic.replace(/[^A-Za-z0-9_]/g, '').slice(0, 32);
  return { headers, body: encryptPayload(Buffer.from(payload), subscription.p256dh, subscription.auth) };
}

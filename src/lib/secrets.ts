import { createCipheriv, createDecipheriv, createHash, createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';

/** A random, URL-safe token with 256 bits of entropy. */
export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

/** Tokens are stored only as hashes; SHA-256 suffices for high-entropy random tokens. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

export function safeEqual(a: string, b: string): boolean {
  const ab = Buffer.from(a);
  const bb = Buffer.from(b);
  return ab.length === bb.length && timingSafeEqual(ab, bb);
}

/** The AES key of the first, unversioned format (`v1.`): kept so old ciphertexts still decrypt. */
function legacyKeyFrom(secret: string): Buffer {
  return createHash('sha256').update(`chat-api:encryption:${secret}`).digest();
}

/** A key for one purpose derived from a server secret (HKDF-SHA256 with the purpose as label). */
function derive(secret: string, purpose: string): Buffer {
  return Buffer.from(hkdfSync('sha256', secret, 'chat-api', purpose, 32));
}

/** Thrown when a ciphertext cannot be opened with any configured key (or is not one). */
export class DecryptionError extends Error {}

interface Key {
  id: string;
  aes: Buffer;
  legacyAes: Buffer;
  recovery: Buffer;
}

function keyOf(secret: string): Key {
  return {
    // Names the key inside each ciphertext without revealing anything about it.
    id: derive(secret, 'key-id').toString('base64url').slice(0, 8),
    aes: derive(secret, 'encryption v2'),
    legacyAes: legacyKeyFrom(secret),
    recovery: derive(secret, 'recovery-codes'),
  };
}

function open(aes: Buffer, iv: string, tag: string, body: string): string {
  const decipher = createDecipheriv('aes-256-gcm', aes, Buffer.from(iv, 'base64url'));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
}

/**
 * The server's keys for secrets at rest: the current one encrypts (`v2:<keyId>:<iv>:<tag>:<data>`,
 * AES-256-GCM) and keys recovery-code HMACs; previous ones only decrypt and verify, so keys can
 * rotate without losing what was stored. Old unversioned ciphertexts (`v1.…`) still decrypt.
 */
export function createKeyring(current: string, previous: readonly string[] = []) {
  const keys = [current, ...previous.filter((k) => k !== current)].map(keyOf);
  const [now] = keys as [Key, ...Key[]];

  return {
    encrypt(plain: string): string {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', now.aes, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return ['v2', now.id, iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), body.toString('base64url')].join(
        ':',
      );
    },

    /** The plain text, and whether it was sealed with an older key (worth re-encrypting). */
    decrypt(sealed: string): { plain: string; stale: boolean } {
      if (sealed.startsWith('v2:')) {
        const [, id, iv, tag, body] = sealed.split(':');
        const key = keys.find((k) => k.id === id);
        if (!key || !iv || !tag || body === undefined) throw new DecryptionError(`no configured key has id "${id}"`);
        try {
          return { plain: open(key.aes, iv, tag, body), stale: key !== now };
        } catch {
          throw new DecryptionError(`ciphertext sealed with key "${id}" does not open`);
        }
      }
      const [version, iv, tag, body] = sealed.split('.');
      if (version !== 'v1' || !iv || !tag || body === undefined) throw new DecryptionError('unknown ciphertext format');
      for (const key of keys) {
        try {
          return { plain: open(key.legacyAes, iv, tag, body), stale: true };
        } catch {
          // not this key; GCM's tag tells
        }
      }
      throw new DecryptionError('no configured key opens this v1 ciphertext');
    },

    /** What is stored for a recovery code: an HMAC under the current key. */
    recoveryHash(normalized: string): string {
      return createHmac('sha256', now.recovery).update(normalized).digest('base64url');
    },

    /** Every stored form a recovery code may have: the HMAC under each key (newest first). */
    recoveryHashes(normalized: string): string[] {
      return keys.map((k) => createHmac('sha256', k.recovery).update(normalized).digest('base64url'));
    },
  };
}

export type Keyring = ReturnType<typeof createKeyring>;

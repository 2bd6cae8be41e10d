import { randomBytes } from 'node:crypto';
import { Secret, TOTP } from 'otpauth';
import { hashToken } from '../../lib/secrets.js';

// RFC 6238 as every authenticator app speaks it: SHA-1, 6 digits, 30-second steps.
const PERIOD = 30;

function totpOf(secret: string, label = 'account'): TOTP {
  return new TOTP({ issuer: 'Chat', label, algorithm: 'SHA1', digits: 6, period: PERIOD, secret: Secret.fromBase32(secret) });
}

export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

export function otpauthUrl(secret: string, label: string): string {
  return totpOf(secret, label).toString();
}

/** The time step a code belongs to (one step of clock drift either way), or null when wrong. */
export function matchTotp(secret: string, code: string, now = Date.now()): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  const totp = totpOf(secret);
  const delta = totp.validate({ token: code, timestamp: now, window: 1 });
  return delta === null ? null : totp.counter({ timestamp: now }) + delta;
}

export function isTotpShaped(code: string): boolean {
  return /^\d{6}$/.test(code.trim());
}

/** Crockford's base32: no i, l, o or u, so nothing reads as another character. */
const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';
const RECOVERY_CHARS = 28; // 28 × 5 = 140 random bits
const GROUP = 4;

/**
 * Ten codes like `7m2p-x9qf-…` (seven groups of four): 140 random bits each, every character
 * taken from 5 bits of a random byte, so all 32 characters are equally likely.
 */
export function newRecoveryCodes(count = 10): string[] {
  return Array.from({ length: count }, () => {
    const chars = [...randomBytes(RECOVERY_CHARS)].map((b) => ALPHABET[b & 31]).join('');
    return Array.from({ length: RECOVERY_CHARS / GROUP }, (_, i) => chars.slice(i * GROUP, (i + 1) * GROUP)).join('-');
  });
}

/** How a typed recovery code is compared: case, spaces and dashes ignored, look-alikes folded. */
export function normalizeRecoveryCode(code: string): string {
  return code.toLowerCase().replace(/[\s-]/g, '').replace(/o/g, '0').replace(/[il]/g, '1');
}

/** The unsalted SHA-256 of codes issued before keyed hashes; still accepted until they are used up. */
export function legacyRecoveryHash(code: string): string {
  return hashToken(`recovery:${code.toLowerCase().replace(/[\s-]/g, '')}`);
}

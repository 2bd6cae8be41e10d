import { createHmac } from 'node:crypto';
import { safeEqual } from '../../lib/secrets.js';

export type FileVariant = 'original' | 'thumbnail';

/** URLs stay valid at least this long. */
export const SIGNED_URL_TTL_SECONDS = 3600;
/**
 * Expiry times are rounded up to this step, so a file presented several times within a few
 * minutes gets the same URL and browsers can reuse their cached copy.
 */
const EXPIRY_STEP_SECONDS = 600;

export interface UrlSigner {
  /** Absolute signed URL for the file (or its thumbnail), valid for at least an hour. */
  url(fileId: string, variant: FileVariant, nowMs?: number): string;
  /** True when `sig` matches and `expires` (unix seconds) has not passed. */
  verify(fileId: string, variant: FileVariant, expires: number, sig: string, nowMs?: number): boolean;
}

/** HMAC-SHA256 signatures with a key derived from the JWT secret (never the secret itself). */
export function createUrlSigner(secret: string, publicUrl: string): UrlSigner {
  const key = createHmac('sha256', secret).update('chat-api:file-urls:v1').digest();
  const sign = (fileId: string, variant: FileVariant, expires: number) =>
    createHmac('sha256', key).update(`${fileId}\n${variant}\n${expires}`).digest('base64url');
  return {
    url(fileId, variant, nowMs = Date.now()) {
      const minimum = Math.floor(nowMs / 1000) + SIGNED_URL_TTL_SECONDS;
      const expires = Math.ceil(minimum / EXPIRY_STEP_SECONDS) * EXPIRY_STEP_SECONDS;
      const path = variant === 'thumbnail' ? `/files/${fileId}/thumbnail` : `/files/${fileId}`;
      return `${publicUrl}${path}?expires=${expires}&sig=${sign(fileId, variant, expires)}`;
    },
    verify(fileId, variant, expires, sig, nowMs = Date.now()) {
      if (!Number.isSafeInteger(expires) || expires * 1000 <= nowMs) return false;
      return safeEqual(sig, sign(fileId, variant, expires));
    },
  };
}

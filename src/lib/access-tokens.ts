import { errors as joseErrors, jwtVerify, SignJWT } from 'jose';
import { AppError } from './errors.js';

export interface AccessClaims {
  userId: string;
  sessionId: string;
}

const revoked = () => new AppError('session_revoked', 'This session has ended; log in again');

/** Verified tokens remembered, so a client's every request does not re-check the same signature. */
const VERIFIED_CACHE_SIZE = 10_000;

/**
 * HS256 access tokens carrying the session id; the algorithm is pinned, so `alg: none` fails.
 * A token whose signature was checked once is remembered by its exact text until it expires (the
 * expiry and the session's revocation are still checked on every use); a changed byte is a
 * different key, verified afresh.
 */
export function createAccessTokens(
  secret: string,
  ttlSeconds: number,
  now: () => number = Date.now,
  /** True for a revoked session: its tokens are refused at once, before they expire. */
  isRevoked: (sessionId: string) => boolean = () => false,
) {
  const key = new TextEncoder().encode(secret);
  const verified = new Map<string, AccessClaims & { expiresAt: number }>();

  function remember(token: string, claims: AccessClaims & { expiresAt: number }): void {
    if (verified.size >= VERIFIED_CACHE_SIZE) verified.delete(verified.keys().next().value!);
    verified.set(token, claims);
  }

  return {
    ttlSeconds,
    async sign(claims: AccessClaims): Promise<string> {
      return new SignJWT({ sid: claims.sessionId })
        .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
        .setSubject(claims.userId)
        .setIssuedAt(Math.floor(now() / 1000))
        .setExpirationTime(Math.floor(now() / 1000) + ttlSeconds)
        .sign(key);
    },
    async verify(token: string): Promise<AccessClaims & { expiresAt: number }> {
      const known = verified.get(token);
      if (known) {
        if (isRevoked(known.sessionId)) throw revoked();
        if (now() < known.expiresAt) return { ...known };
        verified.delete(token);
        throw new AppError('token_expired', 'The access token has expired');
      }
      try {
        const { payload } = await jwtVerify(token, key, { algorithms: ['HS256'], currentDate: new Date(now()) });
        if (typeof payload.sub !== 'string' || typeof payload.sid !== 'string' || typeof payload.exp !== 'number') {
          throw new AppError('unauthorized', 'Invalid access token');
        }
        const claims = { userId: payload.sub, sessionId: payload.sid, expiresAt: payload.exp * 1000 };
        if (isRevoked(claims.sessionId)) throw revoked();
        remember(token, claims);
        return { ...claims };
      } catch (error) {
        if (error instanceof AppError) throw error;
        if (error instanceof joseErrors.JWTExpired) throw new AppError('token_expired', 'The access token has expired');
        throw new AppError('unauthorized', 'Invalid access token');
      }
    },
  };
}

export type AccessTokens = ReturnType<typeof createAccessTokens>;

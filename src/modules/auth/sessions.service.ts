import type { Trx } from '../../events/transactor.js';
import { decodeTimeCursor, encodeTimeCursor } from '../../lib/cursor.js';
import { AppError, notFound } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { verifyNothing, verifyPassword } from '../../lib/passwords.js';
import { hashToken, randomToken } from '../../lib/secrets.js';
import type { PageQuery } from '../../lib/schemas.js';
import { usersRepository } from '../users/index.js';
import { type AuthDeps, type ClientInfo } from './auth.deps.js';
import { assertFailuresLeft, countFailure, limits, loginFailureBuckets, MFA_MAX_ATTEMPTS } from './auth.limits.js';
import { revokeAndNotify } from './session-revocation.js';
import { inSeconds, TTL } from './token-lifetimes.js';
import * as repo from './auth.repository.js';
import type { Login, MfaChallenge, SessionPage, Tokens } from './auth.schemas.js';
import type { MfaService } from './mfa.service.js';

/** How long a spent refresh token is remembered for reuse detection (seconds). */
const SPENT_TOKEN_MEMORY = 7 * 86_400;

export function createSessionsService(deps: AuthDeps, mfa: MfaService) {
  const { db, config, limiter } = deps;

  async function openSession(trx: Trx, userId: string, client: ClientInfo): Promise<{ sessionId: string; refreshToken: string }> {
    const sessionId = newId();
    const refreshToken = randomToken();
    await repo.insertSession(trx, {
      id: sessionId,
      userId,
      userAgent: client.userAgent?.slice(0, 256) ?? null,
      ip: client.ip,
      expiresAt: inSeconds(config.refreshTokenTtl),
    });
    await repo.insertRefreshToken(trx, sessionId, hashToken(refreshToken));
    return { sessionId, refreshToken };
  }

  async function tokensFor(userId: string, sessionId: string, refreshToken: string): Promise<Tokens> {
    return {
      accessToken: await deps.tokens.sign({ userId, sessionId }),
      refreshToken,
      tokenType: 'Bearer',
      expiresIn: deps.tokens.ttlSeconds,
      sessionId,
      user: await deps.users.loadSelf(userId),
    };
  }

  async function signIn(userId: string, client: ClientInfo): Promise<Tokens> {
    const { sessionId, refreshToken } = await deps.transactor((trx) => openSession(trx, userId, client));
    return tokensFor(userId, sessionId, refreshToken);
  }

  return {
    /** True while the session exists, belongs to the user, and is neither revoked nor expired. */
    async isActive(userId: string, sessionId: string): Promise<boolean> {
      const session = await repo.findActiveSession(db, sessionId);
      return session !== undefined && session.userId === userId;
    },

    /**
     * Password login. Unknown e-mail and wrong password answer alike (`invalid_credentials`, same
     * time spent); `email_not_verified` only after a correct password; with MFA on, a challenge.
     */
    async login(input: Login, client: ClientInfo): Promise<Tokens | MfaChallenge> {
      await limiter.consume(`login:ip:${client.ip}`, limits.loginIp);
      // Only failures count, and they are checked before any password is: see `failureLimits`.
      const failures = loginFailureBuckets(input.email, client.ip);
      await assertFailuresLeft(limiter, [...failures.accountIp, ...failures.account]);
      const user = await usersRepository.findUserByEmail(db, input.email);
      const ok = user?.passwordHash
        ? await verifyPassword(user.passwordHash, input.password)
        : await verifyNothing(input.password, config.passwordHashCost);
      if (!user || !ok) {
        await countFailure(limiter, [...failures.accountIp, ...failures.account]);
        throw new AppError('invalid_credentials', 'The e-mail or password is incorrect');
      }
      // The address that got it right starts afresh; the account's ceiling keeps what others spent.
      await Promise.all(failures.accountIp.map((b) => limiter.reset(b.key)));
      if (config.requireEmailVerification && !user.emailVerifiedAt) {
        throw new AppError(
          'email_not_verified',
          'Confirm your e-mail address first (see the mail we sent, or ask for a new one)',
        );
      }
      if (user.mfaEnabled) {
        const mfaToken = randomToken();
        await repo.insertUserToken(db, {
          tokenHash: hashToken(mfaToken),
          userId: user.id,
          purpose: 'mfa_login',
          expiresAt: inSeconds(TTL.mfaLogin),
        });
        return { mfaRequired: true, mfaToken };
      }
      return signIn(user.id, client);
    },

    /**
     * Second step of an MFA login. Each wrong code counts against the step (the fifth locks it)
     * and against the account's second-factor failures (see `failureLimits.mfaAccount`).
     */
    async loginMfa(input: { mfaToken: string; code: string }, client: ClientInfo): Promise<Tokens> {
      await limiter.consume(`mfa:ip:${client.ip}`, limits.mfaIp);
      const tokenHash = hashToken(input.mfaToken);
      const step = await repo.findUserToken(db, tokenHash, ['mfa_login']);
      if (!step || step.usedAt || step.expiresAt <= new Date()) {
        throw new AppError('invalid_token', 'The MFA step is invalid, expired or locked; log in again');
      }
      const user = await usersRepository.findUserById(db, step.userId);
      if (!user) throw new AppError('invalid_token', 'The MFA step is invalid, expired or locked; log in again');
      try {
        await mfa.assertSecondFactor(user, input.code);
      } catch (error) {
        if (!(error instanceof AppError) || error.code !== 'invalid_mfa_code') throw error;
        const attempts = await repo.failUserToken(db, tokenHash, MFA_MAX_ATTEMPTS);
        const left = Math.max(0, MFA_MAX_ATTEMPTS - attempts);
        throw new AppError(
          'invalid_mfa_code',
          left ? `${error.message} (${left} attempts left)` : 'The code is not valid; log in again',
        );
      }
      if (!(await repo.spendUserToken(db, tokenHash)))
        throw new AppError('invalid_token', 'The MFA step was already used; log in again');
      return signIn(user.id, client);
    },

    /** Rotates a refresh token. Presenting a spent one revokes its session (it was stolen or replayed). */
    async refresh(refreshToken: string): Promise<Tokens> {
      const tokenHash = hashToken(refreshToken);
      const found = await repo.findRefreshToken(db, tokenHash);
      const session = found?.session;
      if (!found || !session || session.revokedAt || session.expiresAt <= new Date()) {
        throw new AppError('unauthorized', 'The refresh token is invalid or its session has ended');
      }
      const next = randomToken();
      const rotated = await deps.transactor(async (trx, emit) => {
        if (found.usedAt || !(await repo.spendRefreshToken(trx, tokenHash))) {
          await revokeAndNotify(deps, trx, emit, session.userId, { ids: [session.id] });
          return false;
        }
        await repo.insertRefreshToken(trx, session.id, hashToken(next));
        await repo.touchSession(trx, session.id, inSeconds(config.refreshTokenTtl));
        await repo.pruneSpentRefreshTokens(trx, session.id, inSeconds(-SPENT_TOKEN_MEMORY));
        return true;
      });
      if (!rotated) throw new AppError('session_revoked', 'This refresh token was already used; the session has been revoked');
      return tokensFor(session.userId, session.id, next);
    },

    /** Ends the session of a refresh token; unknown tokens are ignored. */
    async logout(refreshToken: string): Promise<void> {
      const found = await repo.findRefreshToken(db, hashToken(refreshToken));
      if (!found || found.session.revokedAt) return;
      await deps.transactor((trx, emit) => revokeAndNotify(deps, trx, emit, found.session.userId, { ids: [found.sessionId] }));
    },

    /** Ends every session of the user, this one included. */
    async logoutAll(userId: string): Promise<void> {
      await deps.transactor((trx, emit) => revokeAndNotify(deps, trx, emit, userId));
    },

    /** Your active sessions, newest first; `current` marks the one making the request. */
    async listSessions(userId: string, currentSessionId: string, query: PageQuery): Promise<SessionPage> {
      const limit = query.limit ?? 50;
      const after = query.cursor ? decodeTimeCursor(query.cursor) : undefined;
      const rows = await repo.listActiveSessions(db, userId, after, limit + 1);
      const page = rows.slice(0, limit);
      const last = page.at(-1);
      return {
        sessions: page.map((s) => ({
          id: s.id,
          createdAt: s.createdAt.toISOString(),
          lastUsedAt: s.lastUsedAt.toISOString(),
          userAgent: s.userAgent,
          ip: s.ip,
          current: s.id === currentSessionId,
        })),
        nextCursor: rows.length > limit && last ? encodeTimeCursor(last.createdAt, last.id) : null,
      };
    },

    /** Revokes one of your sessions (`not_found` for anyone else's or an ended one). */
    async revokeSession(userId: string, sessionId: string): Promise<void> {
      const revoked = await deps.transactor((trx, emit) => revokeAndNotify(deps, trx, emit, userId, { ids: [sessionId] }));
      if (revoked.length === 0) throw notFound('Session');
    },

    /** Refuses an access token whose session was revoked or has expired (for sensitive endpoints). */
    async assertActiveSession(userId: string, sessionId: string): Promise<void> {
      const session = await repo.findActiveSession(db, sessionId);
      if (!session || session.userId !== userId) throw new AppError('session_revoked', 'This session has ended; log in again');
    },
  };
}

export type SessionsService = ReturnType<typeof createSessionsService>;

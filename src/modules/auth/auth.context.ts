import type { FastifyBaseLogger } from 'fastify';
import type { Config } from '../../config.js';
import type { Db } from '../../db/database.js';
import type { Emit, Transactor, Trx } from '../../events/transactor.js';
import type { AccessTokens } from '../../lib/access-tokens.js';
import type { Mail, Mailer } from '../../lib/mailer.js';
import type { RateLimiter, Rule } from '../../lib/rate-limiter.js';
import type { RevokedSessions } from '../../lib/revoked-sessions.js';
import type { UsersService } from '../users/index.js';
import { revokeSessions } from './auth.repository.js';

export interface AuthDeps {
  db: Db;
  transactor: Transactor;
  config: Readonly<Config>;
  limiter: RateLimiter;
  mailer: Mailer;
  tokens: AccessTokens;
  revokedSessions: RevokedSessions;
  log: FastifyBaseLogger;
  users: UsersService;
}

/** Where a request comes from, for per-IP limits and the session list. */
export interface ClientInfo {
  ip: string;
  userAgent: string | null;
}

const perMinute = (n: number): Rule => ({ burst: n, perSecond: n / 60 });
const perHour = (n: number): Rule => ({ burst: n, perSecond: n / 3600 });

/** Rate limits of the unauthenticated endpoints: per IP, and per account (e-mail or user id). */
export const limits = {
  loginIp: perMinute(10),
  loginAccount: perMinute(5),
  signupIp: perMinute(5),
  mfaIp: perMinute(10),
  mfaAccount: perMinute(5),
  mailIp: perMinute(5),
  mailAccount: perHour(5),
  resetIp: perMinute(10),
};

export const TTL = {
  verifyEmail: 24 * 3600,
  changeEmail: 24 * 3600,
  resetPassword: 3600,
  mfaLogin: 300,
};

/** Wrong codes a single MFA login step tolerates before it is locked. */
export const MFA_MAX_ATTEMPTS = 5;

export const inSeconds = (seconds: number): Date => new Date(Date.now() + seconds * 1000);

/** Normalised key for per-account limits (e-mail addresses are case-insensitive here). */
export const accountKey = (email: string): string => email.trim().toLowerCase();

/**
 * Mail leaves after the response: the answer of an unauthenticated endpoint must not take longer
 * when an account exists. Failures are logged, and closing the app waits for mail in flight.
 */
export function createMailQueue(mailer: Mailer, log: FastifyBaseLogger) {
  const pending = new Set<Promise<void>>();
  return {
    send(mail: Mail): void {
      const sending = mailer
        .send(mail)
        .catch((err: unknown) => log.error({ err, subject: mail.subject }, 'sending mail failed'))
        .finally(() => pending.delete(sending));
      pending.add(sending);
    },
    async drain(): Promise<void> {
      await Promise.all([...pending]);
    },
  };
}
export type MailQueue = ReturnType<typeof createMailQueue>;

/**
 * Revokes sessions, tells the user's sockets to close (`session.revoked`) and every node to refuse
 * the sessions' access tokens from now on. The nodes are told before the transaction commits, so
 * no request slips through in between; a revocation that then rolls back only signs those devices
 * out early.
 */
export async function revokeAndNotify(
  deps: Pick<AuthDeps, 'revokedSessions' | 'log'>,
  trx: Trx,
  emit: Emit,
  userId: string,
  opts: { ids?: readonly string[]; except?: string } = {},
): Promise<string[]> {
  const sessionIds = await revokeSessions(trx, userId, opts);
  if (sessionIds.length) {
    emit({ type: 'session.revoked', data: { sessionIds }, to: [userId] });
    // Other nodes that miss the message reload revocations from the database when the bus reconnects.
    deps.revokedSessions.revoke(sessionIds).catch((err: unknown) => deps.log.warn({ err }, 'announcing revoked sessions failed'));
  }
  return sessionIds;
}

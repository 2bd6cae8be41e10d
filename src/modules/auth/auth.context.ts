import type { FastifyBaseLogger } from 'fastify';
import type { Config } from '../../config.js';
import type { Db } from '../../db/database.js';
import type { Emit, Transactor, Trx } from '../../events/transactor.js';
import type { AccessTokens } from '../../lib/access-tokens.js';
import { AppError } from '../../lib/errors.js';
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
const perDay = (n: number): Rule => ({ burst: n, perSecond: n / 86_400 });

/** Rate limits of the unauthenticated endpoints, per IP: every request counts. */
export const limits = {
  loginIp: perMinute(10),
  signupIp: perMinute(5),
  mfaIp: perMinute(10),
  /** Per purpose (sign-up, verification, reset): mail of one kind never blocks another. */
  mailIp: perMinute(5),
  mailAccount: perHour(5),
  resetIp: perMinute(10),
};

/**
 * Failed guesses, the only thing these count (a correct password or code costs nothing, so nobody
 * locks an owner out by trying the right one). Per account and client address the buckets are a
 * staircase, so the wait grows with the failures (5 at once, then one a minute, then one in six
 * minutes, at most 20 a day): that is what stops one address hammering an account while the owner,
 * elsewhere, still logs in. Per account, whatever the address, there is a hard ceiling: at most
 * 100 failures in any hour (50 at once plus 50 an hour) and a daily cap of 300 (refilled over a day).
 */
export const failureLimits = {
  loginAccountIp: [perMinute(5), { burst: 10, perSecond: 10 / 3600 }, perDay(20)],
  loginAccount: [{ burst: 50, perSecond: 50 / 3600 }, perDay(300)],
  /** Wrong second factors per account: 10, then one every 12 minutes, 30 a day; the owner is mailed when it locks. */
  mfaAccount: [{ burst: 10, perSecond: 5 / 3600 }, perDay(30)],
} satisfies Record<string, Rule[]>;

type Buckets = { key: string; rule: Rule }[];

const bucketsOf = (prefix: string, rules: Rule[]): Buckets => rules.map((rule, i) => ({ key: `${prefix}:${i}`, rule }));

/** The failure buckets of a password login: per account and address, and per account. */
export function loginFailureBuckets(email: string, ip: string): { accountIp: Buckets; account: Buckets } {
  const account = accountKey(email);
  return {
    accountIp: bucketsOf(`login-fail:${account}:${ip}`, failureLimits.loginAccountIp),
    account: bucketsOf(`login-fail:${account}`, failureLimits.loginAccount),
  };
}

export const mfaFailureBuckets = (userId: string): Buckets => bucketsOf(`mfa-fail:${userId}`, failureLimits.mfaAccount);

/** Refuses (`rate_limited`, with the longest wait of them) when any bucket has no failure left. */
export async function assertFailuresLeft(limiter: RateLimiter, buckets: Buckets): Promise<void> {
  const results = await Promise.allSettled(buckets.map((b) => limiter.check(b.key, b.rule)));
  const refusals = results.flatMap((r) => (r.status === 'rejected' ? [r.reason as unknown] : []));
  if (refusals.length === 0) return;
  const wait = (e: unknown) => (e instanceof AppError ? (e.retryAfter ?? 0) : 0);
  throw refusals.reduce((longest, e) => (wait(e) > wait(longest) ? e : longest));
}

/** Counts one failure in every bucket; true when that used up the first bucket (the lock begins). */
export async function countFailure(limiter: RateLimiter, buckets: Buckets): Promise<boolean> {
  const results = await Promise.all(buckets.map((b) => limiter.penalize(b.key, b.rule)));
  return results.some((r) => r.exhausted);
}

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

export type MailPurpose = 'signup' | 'verify' | 'reset';

/** The per-address and per-account mail limits of one purpose, so sign-ups cannot use up reset mail. */
export async function consumeMailLimits(limiter: RateLimiter, purpose: MailPurpose, ip: string, email: string): Promise<void> {
  if (purpose !== 'signup') await limiter.consume(`mail:${purpose}:ip:${ip}`, limits.mailIp);
  await limiter.consume(`mail:${purpose}:account:${accountKey(email)}`, limits.mailAccount);
}

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

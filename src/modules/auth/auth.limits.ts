import { AppError } from '../../lib/errors.js';
import type { RateLimiter, Rule } from '../../lib/rate-limiter.js';

// How often the unauthenticated endpoints may be called and how many wrong guesses an account
// takes: the numbers, and the buckets they fill.

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

/** Wrong codes a single MFA login step tolerates before it is locked. */
export const MFA_MAX_ATTEMPTS = 5;

/** Normalised key for per-account limits (e-mail addresses are case-insensitive here). */
export const accountKey = (email: string): string => email.trim().toLowerCase();

export type MailPurpose = 'signup' | 'verify' | 'reset';

/** The per-address and per-account mail limits of one purpose, so sign-ups cannot use up reset mail. */
export async function consumeMailLimits(limiter: RateLimiter, purpose: MailPurpose, ip: string, email: string): Promise<void> {
  if (purpose !== 'signup') await limiter.consume(`mail:${purpose}:ip:${ip}`, limits.mailIp);
  await limiter.consume(`mail:${purpose}:account:${accountKey(email)}`, limits.mailAccount);
}

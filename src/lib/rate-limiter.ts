import type { Redis } from 'ioredis';
import { AppError } from './errors.js';

/** A token bucket: `burst` tokens, refilled at `perSecond`. "10/min" is { burst: 10, perSecond: 10 / 60 }. */
export interface Rule {
  burst: number;
  perSecond: number;
}

export interface RateLimiter {
  /** Takes one token for `key` or throws `rate_limited` with the seconds until one is available. */
  consume(key: string, rule: Rule): Promise<void>;
  /** Forgets a key, e.g. the failure counter of an account after a successful login. */
  reset(key: string): Promise<void>;
  /** Throws `rate_limited` when `key` has no token left, without taking one (for counting failures only). */
  check(key: string, rule: Rule): Promise<void>;
  /** Takes one token if there is one, never throwing (a failure is counted); says whether that emptied the bucket. */
  penalize(key: string, rule: Rule): Promise<{ exhausted: boolean }>;
}

function retryAfter(tokens: number, rule: Rule): number {
  return Math.max(1, Math.ceil((1 - tokens) / rule.perSecond));
}

function limited(rule: Rule, seconds: number): AppError {
  return new AppError('rate_limited', `Too many requests; retry in ${seconds} s`, {
    retryAfter: seconds,
    limit: rule.burst,
  });
}

export function createMemoryRateLimiter(now: () => number = Date.now): RateLimiter {
  const buckets = new Map<string, { tokens: number; at: number }>();
  let sweeps = 0;

  /** The bucket refilled up to now; `cost` tokens are taken when at least one is there. */
  function take(key: string, rule: Rule, cost: number): { allowed: boolean; tokens: number } {
    const t = now();
    const bucket = buckets.get(key) ?? { tokens: rule.burst, at: t };
    bucket.tokens = Math.min(rule.burst, bucket.tokens + ((t - bucket.at) / 1000) * rule.perSecond);
    bucket.at = t;
    const allowed = bucket.tokens >= 1;
    if (allowed) bucket.tokens -= cost;
    if (cost > 0 || buckets.has(key)) buckets.set(key, bucket);
    // Full buckets carry no information; drop them now and then so memory stays bounded.
    if (++sweeps % 10_000 === 0) {
      for (const [k, b] of buckets) if (t - b.at > 86_400_000) buckets.delete(k);
    }
    return { allowed, tokens: bucket.tokens };
  }

  return {
    async consume(key, rule) {
      const { allowed, tokens } = take(key, rule, 1);
      if (!allowed) throw limited(rule, retryAfter(tokens, rule));
    },
    async reset(key) {
      buckets.delete(key);
    },
    async check(key, rule) {
      const { allowed, tokens } = take(key, rule, 0);
      if (!allowed) throw limited(rule, retryAfter(tokens, rule));
    },
    async penalize(key, rule) {
      const { allowed, tokens } = take(key, rule, 1);
      return { exhausted: allowed && tokens < 1 };
    },
  };
}

// KEYS[1] bucket; ARGV: burst, perSecond, nowMs, cost. Takes `cost` tokens when at least one is
// there (cost 0 only looks). Returns {allowed, tokens*1000 after}.
const TOKEN_BUCKET = `
local burst = tonumber(ARGV[1]); local rate = tonumber(ARGV[2]); local now = tonumber(ARGV[3]); local cost = tonumber(ARGV[4])
local b = redis.call('HMGET', KEYS[1], 't', 'a')
local tokens = tonumber(b[1]) or burst
local at = tonumber(b[2]) or now
tokens = math.min(burst, tokens + (math.max(0, now - at) / 1000) * rate)
local allowed = 0
if tokens >= 1 then tokens = tokens - cost; allowed = 1 end
if cost > 0 or b[1] then
  redis.call('HSET', KEYS[1], 't', tostring(tokens), 'a', tostring(now))
  redis.call('PEXPIRE', KEYS[1], math.ceil(burst / rate * 1000) + 1000)
end
return {allowed, math.floor(tokens * 1000)}
`;

/** Shared across nodes: every node consumes from the same bucket in Redis. */
export function createRedisRateLimiter(redis: Redis, prefix: string): RateLimiter {
  async function take(key: string, rule: Rule, cost: number): Promise<{ allowed: boolean; tokens: number }> {
    const [allowed, milliTokens] = (await redis.eval(
      TOKEN_BUCKET,
      1,
      `${prefix}:rl:${key}`,
      rule.burst,
      rule.perSecond,
      Date.now(),
      cost,
    )) as [number, number];
    return { allowed: allowed === 1, tokens: milliTokens / 1000 };
  }
  return {
    async consume(key, rule) {
      const { allowed, tokens } = await take(key, rule, 1);
      if (!allowed) throw limited(rule, retryAfter(tokens, rule));
    },
    async reset(key) {
      await redis.del(`${prefix}:rl:${key}`);
    },
    async check(key, rule) {
      const { allowed, tokens } = await take(key, rule, 0);
      if (!allowed) throw limited(rule, retryAfter(tokens, rule));
    },
    async penalize(key, rule) {
      const { allowed, tokens } = await take(key, rule, 1);
      return { exhausted: allowed && tokens < 1 };
    },
  };
}

/** For tests and benchmarks that must not be throttled. */
export const unlimited: RateLimiter = {
  consume: async () => {},
  reset: async () => {},
  check: async () => {},
  penalize: async () => ({ exhausted: false }),
};

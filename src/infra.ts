import type { FastifyBaseLogger } from 'fastify';
import { Redis } from 'ioredis';
import path from 'node:path';
import type { Config } from './config.js';
import { openDatabase, type Database } from './db/database.js';
import { migrateToLatest } from './db/migrate.js';
import type { Bus } from './events/bus/bus.js';
import { createMemoryBus } from './events/bus/memory-bus.js';
import { createRedisBus } from './events/bus/redis-bus.js';
import { createTransactor, type EventSink, type Transactor } from './events/transactor.js';
import { createAccessTokens, type AccessTokens } from './lib/access-tokens.js';
import { createMailer, type Mailer } from './lib/mailer.js';
import { createRevokedSessions, REVOKED_SESSIONS_CHANNEL, type RevokedSessions } from './lib/revoked-sessions.js';
import { createMemoryRateLimiter, createRedisRateLimiter, unlimited, type RateLimiter } from './lib/rate-limiter.js';

/** The infrastructure every module is built from; wired once in `buildApp`. */
export interface Infra {
  config: Readonly<Config>;
  database: Database;
  bus: Bus;
  redis: Redis | undefined;
  mailer: Mailer;
  limiter: RateLimiter;
  tokens: AccessTokens;
  /** Sessions revoked on any node; their access tokens are refused (filled by the auth module at start). */
  revokedSessions: RevokedSessions;
  transactor: Transactor;
  /** Seen by the transactor in every transaction; modules add theirs while being wired. */
  eventSinks: EventSink[];
  log: FastifyBaseLogger;
}

export type InfraOverrides = Partial<Pick<Infra, 'database' | 'mailer' | 'limiter' | 'bus'>>;

/** Opens (or takes from `overrides`) every connection; the caller owns closing via `closeInfra`. */
export async function openInfra(
  config: Readonly<Config>,
  log: FastifyBaseLogger,
  overrides: InfraOverrides = {},
): Promise<Infra> {
  const database =
    overrides.database ??
    (await openDatabase({
      url: config.databaseUrl,
      pgliteDir: path.join(config.dataDir, 'pg'),
      preparedStatements: config.databasePreparedStatements,
      poolSize: config.databasePoolSize,
    }));
  if (!overrides.database) await migrateToLatest(database.db);
  // Auto-pipelining: the rate-limit and presence commands of concurrent requests share one write.
  const redis = config.redisUrl ? new Redis(config.redisUrl, { maxRetriesPerRequest: 2, enableAutoPipelining: true }) : undefined;
  redis?.on('error', (err) => log.warn({ err }, 'redis error'));
  const bus = overrides.bus ?? (config.redisUrl ? createRedisBus(config.redisUrl, config.redisPrefix, log) : createMemoryBus());
  const revokedSessions = createRevokedSessions({
    tokenTtlSeconds: config.accessTokenTtl,
    announce: (message) => bus.publish(REVOKED_SESSIONS_CHANNEL, message),
  });
  bus.subscribe(REVOKED_SESSIONS_CHANNEL, (message) => revokedSessions.receive(message));
  const limiter =
    overrides.limiter ??
    (!config.rateLimits ? unlimited : redis ? createRedisRateLimiter(redis, config.redisPrefix) : createMemoryRateLimiter());
  const mailer =
    overrides.mailer ??
    createMailer({
      smtpUrl: config.smtpUrl,
      from: config.mailFrom,
      outboxDir: path.join(config.dataDir, 'outbox'),
      logLinks: config.nodeEnv !== 'production',
      log,
    });
  const eventSinks: EventSink[] = [];
  return {
    config,
    database,
    bus,
    redis,
    mailer,
    limiter,
    tokens: createAccessTokens(config.jwtSecret, config.accessTokenTtl, Date.now, (sessionId) => revokedSessions.has(sessionId)),
    revokedSessions,
    transactor: createTransactor(database.db, bus, log, eventSinks),
    eventSinks,
    log,
  };
}

export async function closeInfra(infra: Infra, { keepDatabase = false } = {}): Promise<void> {
  await infra.bus.close();
  infra.redis?.disconnect();
  infra.mailer.close();
  if (!keepDatabase) await infra.database.close();
}

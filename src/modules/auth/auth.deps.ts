import type { FastifyBaseLogger } from 'fastify';
import type { Config } from '../../config.js';
import type { Db } from '../../db/database.js';
import type { Transactor } from '../../events/transactor.js';
import type { AccessTokens } from '../../lib/access-tokens.js';
import type { Mailer } from '../../lib/mailer.js';
import type { RateLimiter } from '../../lib/rate-limiter.js';
import type { RevokedSessions } from '../../lib/revoked-sessions.js';
import type { UsersService } from '../users/index.js';

/** What the auth services are built from (wired in src/modules.ts). */
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

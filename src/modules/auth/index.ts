import type { AccountDeletionHook } from '../ports.js';
import { type AuthDeps } from './auth.deps.js';
import { createMailQueue } from './mail-queue.js';
import { revokeAndNotify } from './session-revocation.js';
import { listRevokedSince } from './auth.repository.js';
import { createMfaService } from './mfa.service.js';
import { createPasswordService } from './password.service.js';
import { createRegistrationService } from './registration.service.js';
import { createSessionsService } from './sessions.service.js';

export { accountRoutes } from './account.routes.js';
export { authRoutes } from './auth.routes.js';
export { resetFormRoutes } from './reset-form.routes.js';
export type { AuthDeps } from './auth.deps.js';

/** Builds the auth services; `drain` waits for mail still being sent (on shutdown). */
export function createAuthModule(deps: AuthDeps) {
  const mail = createMailQueue(deps.mailer, deps.log);
  const mfa = createMfaService(deps, mail);
  const sessions = createSessionsService(deps, mfa);
  return {
    mfa,
    sessions,
    registration: createRegistrationService(deps, mail),
    passwords: createPasswordService(deps, mail),
    drain: () => mail.drain(),
    /** Fills this node's revoked-session set from the database (at start, and after the bus was away). */
    async loadRevokedSessions(): Promise<void> {
      const since = new Date(Date.now() - deps.revokedSessions.windowMs);
      for (const row of await listRevokedSince(deps.db, since)) deps.revokedSessions.remember([row.id], row.revokedAt.getTime());
    },
  };
}

/** Account deletion ends every session (and tells the sockets and the other nodes). */
export const authDeletionHook =
  (deps: Pick<AuthDeps, 'revokedSessions' | 'log'>): AccountDeletionHook =>
  async (trx, emit, userId) => {
    await revokeAndNotify(deps, trx, emit, userId);
  };

import type { Emit, Trx } from '../../events/transactor.js';
import type { AuthDeps } from './auth.deps.js';
import { revokeSessions } from './auth.repository.js';

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

import type { WireEvent } from '../events/event-log.repository.js';
import { CloseCode } from './close-codes.js';
import type { Connection } from './connection.js';

/**
 * `session.revoked` closes the sockets of the revoked sessions, on every node that holds one,
 * right after the event itself went out on them: the client learns why before the close.
 */
export function closeRevokedSessions(live: readonly Connection[], event: WireEvent): void {
  if (event.type !== 'session.revoked') return;
  const revoked = (JSON.parse(event.json) as { sessionIds?: unknown }).sessionIds;
  if (!Array.isArray(revoked)) return;
  for (const conn of live) if (revoked.includes(conn.sessionId)) conn.close(CloseCode.unauthorized, 'session_revoked');
}

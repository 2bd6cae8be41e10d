import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import type { LoggedEvent } from '../events/catalog.js';
import { readEvents } from '../events/event-log.repository.js';
import { CloseCode } from './close-codes.js';
import type { Connection } from './connection.js';

const BATCH = 200;

interface UserEntry {
  conns: Set<Connection>;
  pumping: boolean;
  dirty: boolean;
}

/**
 * The sockets this node holds, by user, and the per-user pump that feeds them from the log.
 * One pump per user runs at a time; a wake-up during a run makes it read again, so an event
 * committed at any moment is sent exactly once to every live connection, in seq order.
 */
export class Hub {
  private readonly users = new Map<string, UserEntry>();

  constructor(
    private readonly db: Kysely<DB>,
    private readonly log: { warn(obj: unknown, msg?: string): void },
  ) {}

  get size(): number {
    let n = 0;
    for (const entry of this.users.values()) n += entry.conns.size;
    return n;
  }

  register(conn: Connection): void {
    let entry = this.users.get(conn.userId);
    if (!entry) this.users.set(conn.userId, (entry = { conns: new Set(), pumping: false, dirty: false }));
    entry.conns.add(conn);
  }

  /** Returns true when it was the user's last connection on this node. */
  unregister(conn: Connection): boolean {
    const entry = this.users.get(conn.userId);
    if (!entry?.conns.delete(conn)) return false;
    if (entry.conns.size > 0) return false;
    this.users.delete(conn.userId);
    return true;
  }

  connections(): Connection[] {
    return [...this.users.values()].flatMap((entry) => [...entry.conns]);
  }

  /** A bus wake-up: `seq` is the user's latest; pump only when a live socket is behind it. */
  wake(userId: string, seq?: number): void {
    const entry = this.users.get(userId);
    if (!entry) return;
    if (seq !== undefined && ![...entry.conns].some((c) => c.live && c.sentSeq < seq)) return;
    void this.pump(userId);
  }

  /** After a lost bus connection: every local user re-reads the log from what it was sent. */
  wakeAll(): void {
    for (const userId of this.users.keys()) void this.pump(userId);
  }

  /** Sends an ephemeral frame to every live connection of these users held here. */
  deliver(userIds: readonly string[], frame: object): void {
    for (const userId of userIds) {
      for (const conn of this.users.get(userId)?.conns ?? []) if (conn.live) conn.send(frame, 'ephemeral');
    }
  }

  async pump(userId: string): Promise<void> {
    const entry = this.users.get(userId);
    if (!entry) return;
    if (entry.pumping) {
      entry.dirty = true;
      return;
    }
    entry.pumping = true;
    try {
      do {
        entry.dirty = false;
        await this.drain(userId, entry);
      } while (entry.dirty);
    } catch (err) {
      this.log.warn({ err }, 'event delivery failed; the client resumes from its last seq');
    } finally {
      entry.pumping = false;
    }
  }

  private async drain(userId: string, entry: UserEntry): Promise<void> {
    for (;;) {
      const live = [...entry.conns].filter((c) => c.live && c.open);
      if (live.length === 0) return;
      const from = Math.min(...live.map((c) => c.sentSeq));
      const events = await readEvents(this.db, userId, from, BATCH);
      for (const event of events) this.send(live, event);
      if (events.length < BATCH) return;
    }
  }

  private send(live: Connection[], event: LoggedEvent): void {
    for (const conn of live) if (conn.live && conn.sentSeq < event.seq) conn.sendEvent(event);
    if (event.type !== 'session.revoked') return;
    const revoked = (event.data as { sessionIds?: unknown }).sessionIds;
    if (!Array.isArray(revoked)) return;
    for (const conn of live) if (revoked.includes(conn.sessionId)) conn.close(CloseCode.unauthorized, 'session_revoked');
  }
}

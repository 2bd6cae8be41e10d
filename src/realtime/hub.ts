import type { Db } from '../db/database.js';
import { readEventsOfMany, type WireEvent } from '../events/event-log.repository.js';
import type { Connection } from './connection.js';

/** Events read per user per round; a user with more is read again in the next round. */
const BATCH = 200;
/** Users read together in one round (two queries whatever the count). */
const USERS_PER_ROUND = 1000;
/** Rounds in flight at once, over disjoint users. */
const MAX_ROUNDS = 4;
/** After a failed read (a database hiccup), the round's users are read again this much later. */
const RETRY_MS = 1000;

export interface HubOptions {
  /** After a failed read, the round's users are read again this much later (ms). */
  retryMs?: number;
  /** What an event does to the connections it was just sent to, beyond being sent (e.g. closing them). */
  afterSend?: (live: readonly Connection[], event: WireEvent) => void;
}

interface UserEntry {
  conns: Set<Connection>;
  /** In a round now; a wake-up meanwhile sets `dirty` and the user is read again after it. */
  reading: boolean;
  dirty: boolean;
  waiters: (() => void)[];
}

/**
 * The sockets this node holds, by user, and the pump that feeds them from the log. Wake-ups are
 * gathered and read in rounds: one round reads the new events of many users in two queries, so
 * a message to a group of a thousand online members costs two reads, not a thousand. A user is
 * in at most one round at a time and a wake-up during it makes it read again, so an event
 * committed at any moment is sent exactly once to every live connection, in seq order.
 */
export class Hub {
  private readonly users = new Map<string, UserEntry>();
  private readonly queue = new Set<string>();
  private scheduled = false;
  private rounds = 0;

  private readonly retryMs: number;
  private readonly afterSend: HubOptions['afterSend'];

  constructor(
    private readonly db: Db,
    private readonly log: { warn(obj: unknown, msg?: string): void },
    options: HubOptions = {},
  ) {
    this.retryMs = options.retryMs ?? RETRY_MS;
    this.afterSend = options.afterSend;
  }

  get size(): number {
    let n = 0;
    for (const entry of this.users.values()) n += entry.conns.size;
    return n;
  }

  register(conn: Connection): void {
    let entry = this.users.get(conn.userId);
    if (!entry) this.users.set(conn.userId, (entry = { conns: new Set(), reading: false, dirty: false, waiters: [] }));
    entry.conns.add(conn);
  }

  /** Returns true when it was the user's last connection on this node. */
  unregister(conn: Connection): boolean {
    const entry = this.users.get(conn.userId);
    if (!entry?.conns.delete(conn)) return false;
    if (entry.conns.size > 0) return false;
    this.users.delete(conn.userId);
    for (const resolve of entry.waiters.splice(0)) resolve();
    return true;
  }

  connections(): Connection[] {
    return [...this.users.values()].flatMap((entry) => [...entry.conns]);
  }

  /**
   * A bus wake-up: `seq` is the user's latest; read only when a live socket is behind it. When
   * the wake-up carries the new events themselves and every socket behind holds everything
   * before them (and no round is reading for this user, which could still send older ones),
   * they are sent at once; otherwise the log is read, which also fills any gap.
   */
  wake(userId: string, seq?: number, events?: readonly WireEvent[]): void {
    const entry = this.users.get(userId);
    if (!entry) return;
    const behind = seq === undefined ? [] : [...entry.conns].filter((c) => c.live && c.sentSeq < seq);
    if (seq !== undefined && behind.length === 0) return;
    if (events?.length && !entry.reading && !this.queue.has(userId)) {
      const first = events[0]!.seq;
      const open = behind.filter((c) => c.open);
      if (open.length > 0 && open.every((c) => c.sentSeq === first - 1)) {
        for (const event of events) this.send(open, event);
        return;
      }
    }
    this.request(userId, entry);
  }

  /** After a lost bus connection: every local user re-reads the log from what it was sent. */
  wakeAll(): void {
    for (const [userId, entry] of this.users) this.request(userId, entry);
  }

  /** Sends an ephemeral frame to every live connection of these users held here. */
  deliver(userIds: readonly string[], frame: object): void {
    for (const userId of userIds) {
      for (const conn of this.users.get(userId)?.conns ?? []) if (conn.live) conn.send(frame, 'ephemeral');
    }
  }

  /** Reads the user's new events in the next round; resolves once that round has sent them. */
  pump(userId: string): Promise<void> {
    const entry = this.users.get(userId);
    if (!entry) return Promise.resolve();
    return new Promise((resolve) => {
      entry.waiters.push(resolve);
      this.request(userId, entry);
    });
  }

  private request(userId: string, entry: UserEntry): void {
    if (entry.reading) {
      entry.dirty = true;
      return;
    }
    this.queue.add(userId);
    if (this.scheduled) return;
    this.scheduled = true;
    // setImmediate: the wake-ups of one bus message (or one burst of them) share a round.
    setImmediate(() => {
      this.scheduled = false;
      this.startRounds();
    });
  }

  private startRounds(): void {
    while (this.queue.size > 0 && this.rounds < MAX_ROUNDS) {
      const batch: [string, UserEntry][] = [];
      for (const userId of this.queue) {
        this.queue.delete(userId);
        const entry = this.users.get(userId);
        if (entry && !entry.reading) batch.push([userId, entry]);
        if (batch.length >= USERS_PER_ROUND) break;
      }
      if (batch.length === 0) return;
      this.rounds++;
      void this.round(batch).finally(() => {
        this.rounds--;
        this.startRounds();
      });
    }
  }

  private async round(batch: [string, UserEntry][]): Promise<void> {
    const wants: { userId: string; afterSeq: number; live: Connection[] }[] = [];
    for (const [userId, entry] of batch) {
      entry.reading = true;
      entry.dirty = false;
      const live = [...entry.conns].filter((c) => c.live && c.open);
      if (live.length > 0) wants.push({ userId, afterSeq: Math.min(...live.map((c) => c.sentSeq)), live });
    }
    let read = new Map<string, WireEvent[]>();
    try {
      read = await readEventsOfMany(this.db, wants, BATCH);
    } catch (err) {
      // A round serves up to a thousand users: none of them may wait for their next event to
      // catch up, so the whole round is read again shortly.
      this.log.warn({ err }, 'event delivery failed; retrying');
      setTimeout(() => {
        for (const [userId] of batch) {
          const entry = this.users.get(userId);
          if (entry) this.request(userId, entry);
        }
      }, this.retryMs).unref();
    }
    for (const want of wants) for (const event of read.get(want.userId) ?? []) this.send(want.live, event);
    for (const [userId, entry] of batch) {
      entry.reading = false;
      const full = (read.get(userId)?.length ?? 0) >= BATCH;
      const waiters = entry.waiters.splice(0);
      if (entry.dirty || full) {
        // More to read: the waiters ride along with the next round.
        entry.waiters.push(...waiters);
        this.request(userId, entry);
      } else {
        for (const resolve of waiters) resolve();
      }
    }
  }

  private send(live: Connection[], event: WireEvent): void {
    const frame = `{"seq":${event.seq},"type":${JSON.stringify(event.type)},"data":${event.json}}`;
    for (const conn of live) if (conn.live && conn.sentSeq < event.seq) conn.sendFrame(event.seq, frame);
    this.afterSend?.(live, event);
  }
}

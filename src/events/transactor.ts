import type { Transaction } from 'kysely';
import type { Db } from '../db/database.js';
import type { DB } from '../db/schema.js';
import type { Bus } from './bus/bus.js';
import {
  BUS_EVENTS_CHANNEL,
  type Emitted,
  type EventType,
  type OperatorEvent,
  type PendingEvent,
  type WakeUp,
} from './catalog.js';
import { appendEvents, assignedSeqs } from './event-log.repository.js';

/** Appends an event in the running transaction; the catalog types its name and `data`. */
export type Emit = <T extends EventType>(event: Emitted<T>) => void;
export type Trx = Transaction<DB>;

/**
 * Sees the events of every transaction inside it, after they are appended (to enqueue
 * deliveries atomically with them); may return work to run after commit.
 */
export interface EventSink {
  /** `seqs[i]` maps each recipient of `events[i]` to the seq it got (operator events: empty). */
  inTransaction(
    trx: Trx,
    events: readonly (PendingEvent | OperatorEvent)[],
    seqs: readonly Map<string, number>[],
  ): Promise<(() => void) | void>;
}

/**
 * Runs `work` in one database transaction; the events it emits are appended to the log in the
 * same transaction and announced on the bus only after commit, so no node can push an event
 * that then rolls back.
 */
export type Transactor = <T>(work: (trx: Trx, emit: Emit) => Promise<T>) => Promise<T>;

export function createTransactor(
  db: Db,
  bus: Bus,
  log: { warn(obj: unknown, msg?: string): void },
  sinks: readonly EventSink[] = [],
): Transactor {
  return async (work) => {
    let wakeUp: WakeUp | undefined;
    const afterCommit: (() => void)[] = [];
    const result = await db.transaction().execute(async (trx) => {
      const emitted: (PendingEvent | OperatorEvent)[] = [];
      const value = await work(trx, (event) => {
        emitted.push(event as PendingEvent | OperatorEvent);
      });
      if (emitted.length === 0) return value;
      const pending = emitted.filter((event): event is PendingEvent => event.to !== undefined);
      const json = pending.map((event) => JSON.stringify(event.data));
      const latest = pending.length > 0 ? await appendEvents(trx, pending, json) : [];
      // Operator events have no recipients, so this serves the sinks and the wake-up alike.
      const seqs = assignedSeqs(emitted, latest);
      if (latest.length > 0) wakeUp = wakeUpOf(emitted, seqs, json, latest);
      for (const sink of sinks) {
        const then = await sink.inTransaction(trx, emitted, seqs);
        if (then) afterCommit.push(then);
      }
      return value;
    });
    for (const then of afterCommit) then();
    if (wakeUp) {
      // The log is the truth: a lost wake-up is repaired when the client resumes or the bus reconnects.
      await bus.publish(BUS_EVENTS_CHANNEL, wakeUp).catch((err: unknown) => log.warn({ err }, 'bus publish failed'));
    }
    return result;
  };
}

/** Past this much payload text a wake-up carries no payloads: the nodes read the log instead. */
const MAX_WAKE_UP_PAYLOAD = 64 * 1024;

/**
 * The bus message of a committed transaction, with its payloads when they are small. `seqs[i]`
 * holds the recipients' seqs of `emitted[i]`; `json` the payloads of the events with recipients,
 * in order.
 */
function wakeUpOf(
  emitted: readonly (PendingEvent | OperatorEvent)[],
  seqs: readonly Map<string, number>[],
  json: readonly string[],
  latest: [string, number][],
): WakeUp {
  if (json.reduce((size, text) => size + text.length, 0) > MAX_WAKE_UP_PAYLOAD) return { users: latest };
  const events: NonNullable<WakeUp['events']> = [];
  const perUser = new Map<string, number[]>();
  emitted.forEach((event, i) => {
    if (event.to === undefined) return;
    const index = events.push([event.type, json[events.length]!]) - 1;
    for (const userId of seqs[i]!.keys()) {
      let list = perUser.get(userId);
      if (!list) perUser.set(userId, (list = []));
      list.push(index);
    }
  });
  return { users: latest.map(([userId, seq]) => [userId, seq, perUser.get(userId) ?? []]), events };
}

import type { Transaction } from 'kysely';
import type { Db } from '../db/database.js';
import type { DB } from '../db/schema.js';
import type { Bus } from './bus/bus.js';
import { BUS_EVENTS_CHANNEL, type PendingEvent, type WakeUp } from './catalog.js';
import { appendEvents } from './event-log.repository.js';

export type Emit = (event: PendingEvent) => void;
export type Trx = Transaction<DB>;

/**
 * Runs `work` in one database transaction; the events it emits are appended to the log in the
 * same transaction and announced on the bus only after commit, so no node can push an event
 * that then rolls back.
 */
export type Transactor = <T>(work: (trx: Trx, emit: Emit) => Promise<T>) => Promise<T>;

export function createTransactor(db: Db, bus: Bus, log: { warn(obj: unknown, msg?: string): void }): Transactor {
  return async (work) => {
    let wakeUps: [string, number][] = [];
    const result = await db.transaction().execute(async (trx) => {
      const pending: PendingEvent[] = [];
      const value = await work(trx, (event) => pending.push(event));
      if (pending.length > 0) wakeUps = await appendEvents(trx, pending);
      return value;
    });
    if (wakeUps.length > 0) {
      const message: WakeUp = { users: wakeUps };
      // The log is the truth: a lost wake-up is repaired when the client resumes or the bus reconnects.
      await bus.publish(BUS_EVENTS_CHANNEL, message).catch((err: unknown) => log.warn({ err }, 'bus publish failed'));
    }
    return result;
  };
}

import type { Db } from '../../db/database.js';
import { sql } from 'kysely';

export interface NewDelivery {
  id: string;
  kind: 'webhook' | 'push';
  subscriptionId: string | null;
  payload: string;
  topic: string | null;
  urgent: boolean;
}

/** A queued delivery as claimed: what was enqueued, how often it was tried, since when. */
export interface DeliveryRow extends NewDelivery {
  attempts: number;
  createdAt: Date;
}

export async function insertDeliveries(db: Db, rows: readonly NewDelivery[]): Promise<void> {
  if (rows.length === 0) return;
  // next_attempt_at defaults to the database's now(), the clock the claims compare with.
  await db
    .insertInto('deliveries')
    .values([...rows])
    .execute();
}

/**
 * Claims up to `limit` due deliveries for this node: each is leased for `leaseMs` (its next
 * attempt moves past the lease), so a node that dies mid-send leaves it to be retried by any node
 * once the lease is over. SKIP LOCKED lets several nodes claim at once without waiting.
 */
export async function claimDue(db: Db, limit: number, leaseMs: number): Promise<DeliveryRow[]> {
  const { rows } = await sql<DeliveryRow>`
    UPDATE deliveries d SET attempts = d.attempts + 1, next_attempt_at = now() + make_interval(secs => ${leaseMs / 1000})
    FROM (
      SELECT id FROM deliveries WHERE next_attempt_at <= now() ORDER BY next_attempt_at LIMIT ${limit} FOR UPDATE SKIP LOCKED
    ) due
    WHERE d.id = due.id
    RETURNING d.id, d.kind, d.subscription_id, d.payload, d.topic, d.urgent, d.attempts, d.created_at`.execute(db);
  return rows;
}

export async function deleteDelivery(db: Db, id: string): Promise<void> {
  await db.deleteFrom('deliveries').where('id', '=', id).execute();
}

export async function rescheduleDelivery(db: Db, id: string, at: Date, error: string): Promise<void> {
  await db
    .updateTable('deliveries')
    .set({ nextAttemptAt: at, lastError: error.slice(0, 500) })
    .where('id', '=', id)
    .execute();
}

/** When the next delivery falls due (null: none queued). */
export async function nextDueAt(db: Db): Promise<Date | null> {
  const row = await db.selectFrom('deliveries').select('nextAttemptAt').orderBy('nextAttemptAt').limit(1).executeTakeFirst();
  return row?.nextAttemptAt ?? null;
}

export async function countQueued(db: Db): Promise<number> {
  const row = await db
    .selectFrom('deliveries')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

import type { Db } from '../db/database.js';
import { sql, type Transaction } from 'kysely';
import type { DB } from '../db/schema.js';
import type { DurableEventType, LoggedEvent, PendingEvent } from './catalog.js';

/**
 * Appends events inside the caller's transaction, in two statements whatever their number. Seqs
 * are assigned once, for the union of the recipients of all events, locking the counters in
 * ascending user-id order so that concurrent fan-outs to overlapping audiences cannot deadlock.
 * Returns each recipient's new latest seq.
 */
export async function appendEvents(
  trx: Transaction<DB>,
  events: readonly PendingEvent[],
  /** Each event's `data` as JSON text, when the caller has it already. */
  json: readonly string[] = events.map((e) => JSON.stringify(e.data)),
): Promise<[string, number][]> {
  const perUser = new Map<string, number>();
  for (const event of events) for (const userId of new Set(event.to)) perUser.set(userId, (perUser.get(userId) ?? 0) + 1);
  if (perUser.size === 0) return [];
  const userIds = [...perUser.keys()].sort();
  const counts = userIds.map((id) => perUser.get(id)!);

  // The UPDATE only reaches a counter through `locked`, which takes the locks in id order.
  const bumped = await sql<{ userId: string; seq: string }>`
    WITH locked AS (
      SELECT user_id FROM event_seqs WHERE user_id = ANY(${userIds}::uuid[]) ORDER BY user_id FOR UPDATE
    )
    UPDATE event_seqs s SET seq = s.seq + c.n
    FROM unnest(${userIds}::uuid[], ${counts}::int[]) AS c(user_id, n), locked
    WHERE s.user_id = c.user_id AND locked.user_id = c.user_id
    RETURNING s.user_id, s.seq`.execute(trx);
  const next = new Map<string, number>();
  for (const row of bumped.rows) next.set(row.userId, Number(row.seq) - perUser.get(row.userId)! + 1);

  const logUsers: string[] = [];
  const logSeqs: number[] = [];
  const logEvents: number[] = [];
  events.forEach((event, index) => {
    for (const userId of new Set(event.to)) {
      const seq = next.get(userId);
      if (seq === undefined) continue; // a recipient without a counter (deleted account) gets nothing
      next.set(userId, seq + 1);
      logUsers.push(userId);
      logSeqs.push(seq);
      logEvents.push(index + 1);
    }
  });
  // Payloads and log rows together: ids are drawn first so that log rows can point at them.
  await sql`
    WITH input AS (
      SELECT x.i, x.type, x.data, nextval(pg_get_serial_sequence('events', 'id')) AS id
      FROM unnest(${events.map((e) => e.type)}::text[], ${json}::text[])
        WITH ORDINALITY AS x(type, data, i)
    ), payloads AS (
      INSERT INTO events (id, type, data) OVERRIDING SYSTEM VALUE
      SELECT id, type, data::json FROM input
    )
    INSERT INTO event_log (user_id, seq, event_id)
    SELECT l.user_id, l.seq, input.id
    FROM unnest(${logUsers}::uuid[], ${logSeqs}::int8[], ${logEvents}::int8[]) AS l(user_id, seq, i)
    JOIN input ON input.i = l.i`.execute(trx);
  return bumped.rows.map((row) => [row.userId, Number(row.seq)]);
}

/**
 * The seq each recipient got for each event, as `appendEvents` assigned them (in event order,
 * consecutive per user, ending at the user's latest); events without `to` get an empty map.
 */
export function assignedSeqs(
  events: readonly { to?: readonly string[] | undefined }[],
  latest: readonly [string, number][],
): Map<string, number>[] {
  const perUser = new Map<string, number>();
  for (const event of events) for (const userId of new Set(event.to ?? [])) perUser.set(userId, (perUser.get(userId) ?? 0) + 1);
  const next = new Map(latest.map(([userId, seq]) => [userId, seq - perUser.get(userId)! + 1]));
  return events.map((event) => {
    const seqs = new Map<string, number>();
    for (const userId of new Set(event.to ?? [])) {
      const seq = next.get(userId);
      if (seq === undefined) continue;
      seqs.set(userId, seq);
      next.set(userId, seq + 1);
    }
    return seqs;
  });
}

export async function createEventCounter(trx: Db, userId: string): Promise<void> {
  await trx
    .insertInto('eventSeqs')
    .values({ userId, seq: 0 })
    .onConflict((oc) => oc.doNothing())
    .execute();
}

/** Events of one user after `afterSeq`, oldest first. */
export async function readEvents(db: Db, userId: string, afterSeq: number, limit: number): Promise<LoggedEvent[]> {
  const rows = await db
    .selectFrom('eventLog as l')
    .innerJoin('events as e', 'e.id', 'l.eventId')
    .select(['l.seq', 'e.type', 'e.data'])
    .where('l.userId', '=', userId)
    .where('l.seq', '>', afterSeq)
    .orderBy('l.seq')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ seq: Number(r.seq), type: r.type as DurableEventType, data: r.data }));
}

/** A logged event ready for the wire: its payload as JSON text, shared by every recipient. */
export interface WireEvent {
  seq: number;
  type: DurableEventType;
  /** `data` as JSON text, straight from the database (never parsed on the way out). */
  json: string;
}

/**
 * The events of many users at once, each after its own seq, at most `limit` per user, oldest
 * first: one query for the log rows and one for the payloads, so a fan-out to a thousand users
 * reads each payload once instead of a thousand times.
 */
export async function readEventsOfMany(
  db: Db,
  wants: readonly { userId: string; afterSeq: number }[],
  limit: number,
): Promise<Map<string, WireEvent[]>> {
  const out = new Map<string, WireEvent[]>();
  if (wants.length === 0) return out;
  const { rows } = await sql<{ userId: string; seq: string; eventId: string }>`
    SELECT u.user_id, l.seq, l.event_id
    FROM unnest(${wants.map((w) => w.userId)}::uuid[], ${wants.map((w) => w.afterSeq)}::bigint[]) AS u(user_id, after_seq)
    CROSS JOIN LATERAL (
      SELECT seq, event_id FROM event_log
      WHERE user_id = u.user_id AND seq > u.after_seq
      ORDER BY seq LIMIT ${limit}
    ) l`.execute(db);
  if (rows.length === 0) return out;
  const ids = [...new Set(rows.map((r) => r.eventId))];
  const payloads = await sql<{ id: string; type: DurableEventType; json: string }>`
    SELECT id, type, data::text AS json FROM events WHERE id = ANY(${ids}::bigint[])`.execute(db);
  const byId = new Map(payloads.rows.map((p) => [String(p.id), p]));
  for (const row of rows) {
    const payload = byId.get(String(row.eventId));
    if (!payload) continue; // pruned between the two reads, which only happens past the retention window
    let list = out.get(row.userId);
    if (!list) out.set(row.userId, (list = []));
    list.push({ seq: Number(row.seq), type: payload.type, json: payload.json });
  }
  for (const list of out.values()) list.sort((a, b) => a.seq - b.seq);
  return out;
}

export async function latestSeq(db: Db, userId: string): Promise<number> {
  const row = await db.selectFrom('eventSeqs').select('seq').where('userId', '=', userId).executeTakeFirst();
  return row ? Number(row.seq) : 0;
}

export async function oldestRetainedSeq(db: Db, userId: string): Promise<number | null> {
  const row = await db
    .selectFrom('eventLog')
    .select('seq')
    .where('userId', '=', userId)
    .orderBy('seq')
    .limit(1)
    .executeTakeFirst();
  return row ? Number(row.seq) : null;
}

/** Drops log rows older than the retention window, then payloads no longer referenced. */
export async function pruneEvents(db: Db, olderThan: Date): Promise<number> {
  // created_at is the transaction's start time while seqs follow commit order, so rows near the
  // cutoff can be out of order: drop each user's whole prefix up to its newest old row, never a
  // row in the middle (a hole would make a resume skip an event instead of asking for a resync).
  const removed = await sql`
    DELETE FROM event_log l
    USING (SELECT user_id, max(seq) AS upto FROM event_log WHERE created_at < ${olderThan} GROUP BY user_id) p
    WHERE l.user_id = p.user_id AND l.seq <= p.upto`.execute(db);
  await db
    .deleteFrom('events')
    .where('createdAt', '<', olderThan)
    .where((eb) =>
      eb.not(eb.exists(eb.selectFrom('eventLog').select('eventLog.eventId').whereRef('eventLog.eventId', '=', 'events.id'))),
    )
    .execute();
  return Number(removed.numAffectedRows ?? 0);
}

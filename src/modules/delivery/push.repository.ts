import type { Db } from '../../db/database.js';
import { sql, type Selectable } from 'kysely';
import type { PushSubscriptionsTable } from '../../db/schema.js';
import type { PushCandidate } from './push-candidates.js';

export type SubscriptionRow = Selectable<PushSubscriptionsTable>;

export async function listSubscriptions(db: Db, userId: string): Promise<SubscriptionRow[]> {
  return db.selectFrom('pushSubscriptions').selectAll().where('userId', '=', userId).orderBy('createdAt').execute();
}

export async function findSubscription(db: Db, id: string): Promise<SubscriptionRow | undefined> {
  return db.selectFrom('pushSubscriptions').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findByTarget(db: Db, userId: string, type: string, target: string): Promise<SubscriptionRow | undefined> {
  return db
    .selectFrom('pushSubscriptions')
    .selectAll()
    .where('userId', '=', userId)
    .where('type', '=', type as SubscriptionRow['type'])
    .where('target', '=', target)
    .forUpdate()
    .executeTakeFirst();
}

export async function countSubscriptions(db: Db, userId: string): Promise<number> {
  const row = await db
    .selectFrom('pushSubscriptions')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('userId', '=', userId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function insertSubscription(
  db: Db,
  row: Omit<SubscriptionRow, 'createdAt' | 'lastSuccessAt'>,
): Promise<SubscriptionRow> {
  return db.insertInto('pushSubscriptions').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function updateSubscriptionKeys(
  db: Db,
  id: string,
  keys: Pick<SubscriptionRow, 'p256dh' | 'auth' | 'gatewayUrl' | 'appId'>,
): Promise<SubscriptionRow> {
  return db.updateTable('pushSubscriptions').set(keys).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
}

/** Deletes one subscription of `userId` (or of anyone when null); whether it existed. */
export async function deleteSubscription(db: Db, id: string, userId: string | null): Promise<SubscriptionRow | undefined> {
  let query = db.deleteFrom('pushSubscriptions').where('id', '=', id);
  if (userId !== null) query = query.where('userId', '=', userId);
  return query.returningAll().executeTakeFirst();
}

export async function markSuccess(db: Db, id: string): Promise<void> {
  await db.updateTable('pushSubscriptions').set({ lastSuccessAt: new Date() }).where('id', '=', id).execute();
}

/**
 * Records candidates for users with a subscription, skipping muted conversations unless
 * mentioned; one row per user and topic, so a burst keeps one row (the latest event, a count,
 * the first due time). Returns the users who got a row.
 */
export async function upsertPending(db: Db, candidates: readonly PushCandidate[], delaySeconds: number): Promise<string[]> {
  const byKey = new Map<string, PushCandidate & { count: number }>();
  for (const c of candidates) {
    const key = `${c.userId}:${c.topic}`;
    const before = byKey.get(key);
    byKey.set(key, { ...c, urgent: c.urgent || Boolean(before?.urgent), count: (before?.count ?? 0) + 1 });
  }
  const list = [...byKey.values()];
  if (list.length === 0) return [];
  const column = <T>(pick: (c: PushCandidate & { count: number }) => T) => list.map(pick);
  const { rows } = await sql<{ userId: string }>`
    INSERT INTO push_pending (user_id, topic, seq, kind, data, count, urgent, due_at)
    SELECT c.user_id, c.topic, c.seq, c.kind, c.data::json, c.n, c.urgent, now() + make_interval(secs => ${delaySeconds})
    FROM unnest(${column((c) => c.userId)}::uuid[], ${column((c) => c.topic)}::text[], ${column((c) => c.seq)}::int8[],
      ${column((c) => c.kind)}::text[], ${column((c) => JSON.stringify(c.data))}::text[], ${column((c) => c.count)}::int[],
      ${column((c) => c.urgent)}::bool[], ${column((c) => c.mention)}::bool[], ${column((c) => c.conversationId ?? '')}::text[])
      AS c(user_id, topic, seq, kind, data, n, urgent, mention, conversation_id)
    WHERE EXISTS (SELECT 1 FROM push_subscriptions s WHERE s.user_id = c.user_id)
      AND (c.mention OR c.conversation_id = '' OR NOT EXISTS (
        SELECT 1 FROM conversation_members m
        WHERE m.conversation_id = c.conversation_id::uuid AND m.user_id = c.user_id AND m.muted))
    ON CONFLICT (user_id, topic) DO UPDATE SET
      seq = excluded.seq, kind = CASE WHEN push_pending.kind = 'mention' THEN 'mention' ELSE excluded.kind END,
      data = excluded.data, count = push_pending.count + excluded.count, urgent = push_pending.urgent OR excluded.urgent
    RETURNING user_id`.execute(db);
  return [...new Set(rows.map((r) => r.userId))];
}

/** An ack up to a seq cancels the user's waiting pushes whose event it covers (user → seq). */
export async function cancelAckedMany(db: Db, acks: ReadonlyMap<string, number>): Promise<void> {
  if (acks.size === 0) return;
  await sql`
    DELETE FROM push_pending p USING unnest(${[...acks.keys()]}::uuid[], ${[...acks.values()]}::int8[]) AS a(user_id, seq)
    WHERE p.user_id = a.user_id AND p.seq <= a.seq`.execute(db);
}

/** Offline users need not wait for an ack: their waiting pushes fall due now. */
export async function dueNow(db: Db, userIds: readonly string[]): Promise<void> {
  if (userIds.length === 0) return;
  await sql`UPDATE push_pending SET due_at = now() WHERE user_id = ANY(${userIds}::uuid[]) AND due_at > now()`.execute(db);
}

export interface PendingRow {
  userId: string;
  topic: string;
  kind: string;
  data: Record<string, unknown>;
  count: number;
  urgent: boolean;
}

/** Takes (deletes) up to `limit` due pushes; the caller turns them into deliveries in the same transaction. */
export async function takeDuePending(db: Db, limit: number): Promise<PendingRow[]> {
  const { rows } = await sql<PendingRow>`
    DELETE FROM push_pending p USING (
      SELECT user_id, topic FROM push_pending WHERE due_at <= now() ORDER BY due_at LIMIT ${limit} FOR UPDATE SKIP LOCKED
    ) due
    WHERE p.user_id = due.user_id AND p.topic = due.topic
    RETURNING p.user_id, p.topic, p.kind, p.data, p.count, p.urgent`.execute(db);
  return rows.map((r) => ({ ...r, data: (typeof r.data === 'string' ? JSON.parse(r.data) : r.data) as Record<string, unknown> }));
}

export async function nextPendingDueAt(db: Db): Promise<Date | null> {
  const row = await db.selectFrom('pushPending').select('dueAt').orderBy('dueAt').limit(1).executeTakeFirst();
  return row?.dueAt ?? null;
}

/** Conversations with messages the user has not read (the badge). */
export async function unreadConversations(db: Db, userId: string): Promise<number> {
  const { rows } = await sql<{ n: string }>`
    SELECT count(*) AS n FROM conversation_members m JOIN conversations c ON c.id = m.conversation_id
    WHERE m.user_id = ${userId} AND c.last_seq > m.read_seq`.execute(db);
  return Number(rows[0]?.n ?? 0);
}

export async function displayNames(db: Db, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('users').select(['id', 'username', 'displayName']).where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, r.displayName ?? r.username]));
}

export async function groupNames(db: Db, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('groups').select(['id', 'name']).where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

export async function subscriptionsOf(db: Db, userIds: readonly string[]): Promise<SubscriptionRow[]> {
  if (userIds.length === 0) return [];
  return db.selectFrom('pushSubscriptions').selectAll().where('userId', 'in', userIds).execute();
}

/** A deleted account keeps no push subscription (its row stays, anonymised). */
export async function deleteUserPushState(db: Db, userId: string): Promise<void> {
  await db.deleteFrom('pushPending').where('userId', '=', userId).execute();
  await db.deleteFrom('pushSubscriptions').where('userId', '=', userId).execute();
}

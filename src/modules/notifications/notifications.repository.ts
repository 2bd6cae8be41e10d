import { sql, type Kysely } from 'kysely';
import type { DB, NotificationRow, NotificationType } from '../../db/schema.js';

export async function insertNotification(
  db: Kysely<DB>,
  row: {
    id: string;
    userId: string;
    type: NotificationType;
    actorId: string | null;
    conversationId: string | null;
    data: Record<string, unknown>;
  },
): Promise<NotificationRow> {
  return db
    .insertInto('notifications')
    .values({ ...row, data: JSON.stringify(row.data), updatedAt: new Date() })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** The per-conversation `message` notification: created, or bumped in place (count + 1, unread). */
export async function upsertMessageNotification(
  db: Kysely<DB>,
  row: { id: string; userId: string; conversationId: string; actorId: string | null; data: Record<string, unknown> },
): Promise<NotificationRow> {
  const data = JSON.stringify(row.data);
  // Times are written from JS (millisecond precision) so that (updatedAt, id) cursors are exact.
  const now = new Date();
  const result = await sql<NotificationRow>`
    INSERT INTO notifications (id, user_id, type, actor_id, conversation_id, data, read, updated_at)
    VALUES (${row.id}, ${row.userId}, 'message', ${row.actorId}, ${row.conversationId},
      ${data}::jsonb || jsonb_build_object('count', 1), false, ${now})
    ON CONFLICT (user_id, conversation_id) WHERE type = 'message' DO UPDATE SET
      actor_id = EXCLUDED.actor_id,
      data = ${data}::jsonb || jsonb_build_object(
        'count', CASE WHEN notifications.read THEN 1 ELSE COALESCE((notifications.data->>'count')::int, 0) + 1 END),
      read = false,
      updated_at = ${now}
    RETURNING *`.execute(db);
  return result.rows[0]!;
}

/** `upsertMessageNotification` for many users in one statement; `ids` are the ids for rows that are new. */
export async function upsertMessageNotifications(
  db: Kysely<DB>,
  rows: {
    ids: readonly string[];
    userIds: readonly string[];
    conversationId: string;
    actorId: string | null;
    data: Record<string, unknown>;
  },
): Promise<NotificationRow[]> {
  if (rows.userIds.length === 0) return [];
  const data = JSON.stringify(rows.data);
  const now = new Date();
  const result = await sql<NotificationRow>`
    INSERT INTO notifications (id, user_id, type, actor_id, conversation_id, data, read, updated_at)
    SELECT t.id, t.user_id, 'message', ${rows.actorId}::uuid, ${rows.conversationId}::uuid,
      ${data}::jsonb || jsonb_build_object('count', 1), false, ${now}::timestamptz
    FROM unnest(${rows.ids}::uuid[], ${rows.userIds}::uuid[]) AS t(id, user_id)
    ON CONFLICT (user_id, conversation_id) WHERE type = 'message' DO UPDATE SET
      actor_id = EXCLUDED.actor_id,
      data = ${data}::jsonb || jsonb_build_object(
        'count', CASE WHEN notifications.read THEN 1 ELSE COALESCE((notifications.data->>'count')::int, 0) + 1 END),
      read = false,
      updated_at = ${now}::timestamptz
    RETURNING *`.execute(db);
  return result.rows;
}

/** `read: true, data.count: 0` on the conversation's message notification; undefined when already so. */
export async function clearMessageNotification(
  db: Kysely<DB>,
  userId: string,
  conversationId: string,
): Promise<NotificationRow | undefined> {
  const result = await sql<NotificationRow>`
    UPDATE notifications SET read = true, data = data || '{"count":0}'::jsonb
    WHERE user_id = ${userId} AND conversation_id = ${conversationId} AND type = 'message'
      AND (read = false OR COALESCE((data->>'count')::int, 0) <> 0)
    RETURNING *`.execute(db);
  return result.rows[0];
}

export async function listNotifications(
  db: Kysely<DB>,
  userId: string,
  options: { unreadOnly: boolean; after?: { at: Date; id: string }; limit: number },
): Promise<NotificationRow[]> {
  let query = db.selectFrom('notifications').selectAll().where('userId', '=', userId);
  if (options.unreadOnly) query = query.where('read', '=', false);
  const after = options.after;
  if (after) {
    query = query.where((eb) =>
      eb.or([eb('updatedAt', '<', after.at), eb.and([eb('updatedAt', '=', after.at), eb('id', '<', after.id)])]),
    );
  }
  return query.orderBy('updatedAt', 'desc').orderBy('id', 'desc').limit(options.limit).execute();
}

export async function countUnread(db: Kysely<DB>, userId: string): Promise<number> {
  const row = await db
    .selectFrom('notifications')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('userId', '=', userId)
    .where('read', '=', false)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/**
 * Marks unread notifications read (all of them, or those `ids`); returns the rows that changed.
 * Reading is not activity: `updatedAt` stays, so the list order and cursors do not move.
 */
export async function markRead(db: Kysely<DB>, userId: string, ids: readonly string[] | 'all'): Promise<NotificationRow[]> {
  let query = db.updateTable('notifications').set({ read: true }).where('userId', '=', userId).where('read', '=', false);
  if (ids !== 'all') query = query.where('id', 'in', [...ids]);
  return query.returningAll().execute();
}

import type { Db } from '../../db/database.js';
import type { NotificationRow, NotificationType } from '../../db/schema.js';

export async function insertNotification(
  db: Db,
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

/** The stored notifications (every kind but `message`, which is derived from conversations). */
export async function listNotifications(
  db: Db,
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

export async function countUnread(db: Db, userId: string): Promise<number> {
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
export async function markRead(db: Db, userId: string, ids: readonly string[] | 'all'): Promise<NotificationRow[]> {
  let query = db.updateTable('notifications').set({ read: true }).where('userId', '=', userId).where('read', '=', false);
  if (ids !== 'all') query = query.where('id', 'in', [...ids]);
  return query.returningAll().execute();
}

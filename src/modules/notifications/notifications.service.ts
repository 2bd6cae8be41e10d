import type { NotificationRow } from '../../db/schema.js';
import type { Db } from '../../db/database.js';
import type { Transactor } from '../../events/transactor.js';
import { decodeTimeCursor, encodeTimeCursor, pageOf } from '../../lib/cursor.js';
import { newId } from '../../lib/ids.js';
import { markMessageNotificationsRead, unreadConversations, type UnreadConversationRow } from '../conversations/index.js';
import type { NotificationsPort, UsersPort } from '../ports.js';
import type { PublicUserDto } from '../users/users.schemas.js';
import * as repo from './notifications.repository.js';
import { toMessageNotificationDto, toNotificationDto } from './notifications.presenter.js';
import type { ListNotificationsQuery, MarkRead, NotificationDto, NotificationList } from './notifications.schemas.js';

export interface NotificationsDeps {
  db: Db;
  transactor: Transactor;
  users: UsersPort;
}

export interface NotificationsService {
  /** The caller's notifications, most recently updated first, with the total unread count. */
  listNotifications(userId: string, query: ListNotificationsQuery): Promise<NotificationList>;
  /** Marks some (`ids`) or all notifications read; one `notification.read` tells the owner's devices. */
  markNotificationsRead(userId: string, body: MarkRead): Promise<void>;
  /** The port other modules create notifications through. */
  port: NotificationsPort;
}

/** A list entry before presentation: stored rows and derived message notifications side by side. */
type Entry = { at: Date; id: string } & ({ stored: NotificationRow } | { derived: UnreadConversationRow });

/** Most recently updated first, ties by id (the `(updatedAt, id)` cursor order). */
function newestFirst(a: { at: Date; id: string }, b: { at: Date; id: string }): number {
  return b.at.getTime() - a.at.getTime() || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);
}

function isAfter(entry: { at: Date; id: string }, cursor: { at: Date; id: string } | undefined): boolean {
  return cursor === undefined || newestFirst(cursor, entry) < 0;
}

export function createNotificationsService(deps: NotificationsDeps): NotificationsService {
  async function actorsOf(viewerId: string, ids: (string | null)[], executor: Db): Promise<Map<string, PublicUserDto>> {
    const actorIds = [...new Set(ids.flatMap((id) => (id ? [id] : [])))];
    return actorIds.length > 0 ? deps.users.getPublicUsers(viewerId, actorIds, executor) : new Map();
  }

  const port: NotificationsPort = {
    async notify(trx, emit, input) {
      const row = await repo.insertNotification(trx, {
        id: newId(),
        userId: input.userId,
        type: input.type,
        actorId: input.actorId,
        conversationId: input.conversationId ?? null,
        data: input.data,
      });
      const actors = await actorsOf(row.userId, [row.actorId], trx);
      emit({ type: 'notification.created', data: toNotificationDto(row, actors), to: [row.userId] });
    },
  };

  /**
   * Stored notifications are paged in the database; the derived message notifications (one per
   * conversation with unread messages, a few at most per user) are computed and merged in.
   */
  async function listNotifications(userId: string, query: ListNotificationsQuery): Promise<NotificationList> {
    const limit = query.limit ?? 50;
    const unreadOnly = query.unreadOnly ?? false;
    const after = query.cursor ? decodeTimeCursor(query.cursor) : undefined;
    const [rows, storedUnread, unread] = await Promise.all([
      repo.listNotifications(deps.db, userId, { unreadOnly, after, limit: limit + 1 }),
      repo.countUnread(deps.db, userId),
      unreadConversations(deps.db, userId),
    ]);
    const isRead = (row: UnreadConversationRow) => row.notificationReadSeq >= row.lastSeq;
    const derived: Entry[] = unread
      .filter((row) => !unreadOnly || !isRead(row))
      .map((row) => ({ at: row.lastAt, id: row.conversationId, derived: row }));
    const entries = [...rows.map((row): Entry => ({ at: new Date(row.updatedAt), id: row.id, stored: row })), ...derived]
      .filter((entry) => isAfter(entry, after))
      .sort(newestFirst)
      .slice(0, limit + 1);
    const page = pageOf(entries, limit, (last) => encodeTimeCursor(last.at, last.id));
    const actors = await actorsOf(
      userId,
      page.items.map((e) => ('stored' in e ? e.stored.actorId : e.derived.lastSenderId)),
      deps.db,
    );
    const notifications: NotificationDto[] = page.items.map((e) =>
      'stored' in e ? toNotificationDto(e.stored, actors) : toMessageNotificationDto(e.derived, isRead(e.derived), actors),
    );
    const unreadCount = storedUnread + unread.filter((row) => !isRead(row)).length;
    return { notifications, unreadCount, nextCursor: page.nextCursor };
  }

  return {
    port,
    listNotifications,
    async markNotificationsRead(userId, body) {
      const which = 'all' in body ? 'all' : body.ids;
      await deps.transactor(async (trx, emit) => {
        const stored = await repo.markRead(trx, userId, which);
        const derived = await markMessageNotificationsRead(trx, userId, which);
        if (stored.length + derived.length === 0) return;
        const data = which === 'all' ? { all: true as const } : { ids: [...stored.map((row) => row.id), ...derived] };
        emit({ type: 'notification.read', data, to: [userId] });
      });
    },
  };
}

import type { NotificationRow } from '../../db/schema.js';
import type { Db } from '../../db/database.js';
import type { Emit, Transactor, Trx } from '../../events/transactor.js';
import { decodeTimeCursor, encodeTimeCursor, pageOf } from '../../lib/cursor.js';
import { newId } from '../../lib/ids.js';
import type { Executor, NotificationsPort, UsersPort } from '../ports.js';
import type { PublicUserDto } from '../users/users.schemas.js';
import * as repo from './notifications.repository.js';
import { toNotificationDto } from './notifications.presenter.js';
import type { ListNotificationsQuery, MarkRead, NotificationDto, NotificationList } from './notifications.schemas.js';

export interface NotificationsDeps {
  db: Db;
  transactor: Transactor;
  users: UsersPort;
}

export interface NotificationsService {
  /** The caller's notifications, most recently updated first, with the total unread count. */
  listNotifications(userId: string, query: ListNotificationsQuery): Promise<NotificationList>;
  /** Marks some (`ids`) or all notifications read; each one that changes is pushed as `notification.updated`. */
  markNotificationsRead(userId: string, body: MarkRead): Promise<void>;
  /** The port other modules create and update notifications through. */
  port: NotificationsPort;
}

export function createNotificationsService(deps: NotificationsDeps): NotificationsService {
  async function present(viewerId: string, rows: NotificationRow[], executor: Executor): Promise<NotificationDto[]> {
    const actorIds = [...new Set(rows.flatMap((r) => (r.actorId ? [r.actorId] : [])))];
    const actors =
      actorIds.length > 0 ? await deps.users.getPublicUsers(viewerId, actorIds, executor) : new Map<string, PublicUserDto>();
    return rows.map((row) => toNotificationDto(row, actors));
  }

  async function pushed(trx: Trx, emit: Emit, type: 'notification.created' | 'notification.updated', row: NotificationRow) {
    const [dto] = await present(row.userId, [row], trx);
    emit({ type, data: dto, to: [row.userId] });
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
      await pushed(trx, emit, 'notification.created', row);
    },
    async bumpMessageNotification(trx, emit, input) {
      const id = newId();
      const row = await repo.upsertMessageNotification(trx, {
        id,
        ...input,
        data: { conversationId: input.conversationId, ...input.data },
      });
      await pushed(trx, emit, row.id === id ? 'notification.created' : 'notification.updated', row);
    },
    async bumpMessageNotifications(trx, emit, input) {
      const ids = input.userIds.map(() => newId());
      const created = new Set(ids);
      const rows = await repo.upsertMessageNotifications(trx, {
        ids,
        userIds: input.userIds,
        conversationId: input.conversationId,
        actorId: input.actorId,
        data: { conversationId: input.conversationId, ...input.data },
      });
      const actors = input.actorId
        ? await deps.users.getPublicUsers(null, [input.actorId], trx)
        : new Map<string, PublicUserDto>();
      for (const row of rows) {
        const type = created.has(row.id) ? 'notification.created' : 'notification.updated';
        emit({ type, data: toNotificationDto(row, actors), to: [row.userId] });
      }
    },
    async clearMessageNotification(trx, emit, userId, conversationId) {
      const row = await repo.clearMessageNotification(trx, userId, conversationId);
      if (row) await pushed(trx, emit, 'notification.updated', row);
    },
  };

  return {
    port,
    async listNotifications(userId, query) {
      const limit = query.limit ?? 50;
      const after = query.cursor ? decodeTimeCursor(query.cursor) : undefined;
      const [rows, unreadCount] = await Promise.all([
        repo.listNotifications(deps.db, userId, { unreadOnly: query.unreadOnly ?? false, after, limit: limit + 1 }),
        repo.countUnread(deps.db, userId),
      ]);
      const page = pageOf(rows, limit, (last) => encodeTimeCursor(new Date(last.updatedAt), last.id));
      return { notifications: await present(userId, page.items, deps.db), unreadCount, nextCursor: page.nextCursor };
    },
    async markNotificationsRead(userId, body) {
      await deps.transactor(async (trx, emit) => {
        const changed = await repo.markRead(trx, userId, 'all' in body ? 'all' : body.ids);
        const dtos = await present(userId, changed, trx);
        for (const dto of dtos) emit({ type: 'notification.updated', data: dto, to: [userId] });
      });
    },
  };
}

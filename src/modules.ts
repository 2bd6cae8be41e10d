import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import type { Infra } from './infra.js';
import { newId } from './lib/ids.js';
import { notFound } from './lib/errors.js';
import type { FileDto } from './modules/files/files.schemas.js';

import { conversationsRoutes, createMessaging, messagesRoutes } from './modules/messages/index.js';
import type { FilesPort, GroupsPort, NotificationsPort, SocialPort, UsersPort } from './modules/ports.js';
import { toPublicUserDto } from './modules/users/users.presenter.js';
import { findUsersByIds } from './modules/users/users.repository.js';

/**
 * Wires the feature modules: builds each service from the infrastructure and the services it
 * needs, then registers its routes. The only place that knows how modules depend on each other.
 */
export async function registerModules(app: FastifyInstance, infra: Infra): Promise<void> {
  const files = filesPortStub(infra);
  const users = usersPortStub(infra, files);
  const messaging = createMessaging({
    infra,
    files,
    users,
    social: socialPortStub(infra),
    notifications: notificationsPortStub(),
    groups: groupsPortStub(infra),
  });
  app.decorate('messaging', messaging);
  app.addHook('onClose', async () => messaging.close());
  await app.register(messagesRoutes, { messaging });
  await app.register(conversationsRoutes, { messaging });
}

declare module 'fastify' {
  interface FastifyInstance {
    /** The messaging services (also the gateway hooks and the system-messages port). */
    messaging: ReturnType<typeof createMessaging>;
  }
}

// replaced when files lands
function filesPortStub(infra: Infra): FilesPort {
  const present = async (ids: readonly string[], executor = infra.database.db) => {
    const map = new Map<string, FileDto>();
    if (ids.length === 0) return map;
    const rows = await executor
      .selectFrom('files')
      .selectAll()
      .where('id', 'in', [...ids])
      .execute();
    for (const r of rows) {
      const url = `${infra.config.publicUrl}/files/${r.id}`;
      map.set(r.id, {
        id: r.id,
        name: r.name,
        mimeType: r.mimeType,
        size: Number(r.size),
        url,
        thumbnailUrl: r.thumbnailKey ? `${url}/thumbnail` : null,
        width: r.width,
        height: r.height,
        createdAt: r.createdAt.toISOString(),
      });
    }
    return map;
  };
  const own = async (userId: string, ids: readonly string[], executor = infra.database.db, imageOnly = false) => {
    if (ids.length === 0) return;
    const rows = await executor
      .selectFrom('files')
      .select(['id', 'mimeType'])
      .where('id', 'in', [...ids])
      .where('ownerId', '=', userId)
      .execute();
    if (rows.length !== new Set(ids).size || (imageOnly && rows.some((r) => !r.mimeType.startsWith('image/'))))
      throw notFound('File');
  };
  return {
    presentFiles: present,
    assertOwnFiles: (userId, ids, executor) => own(userId, ids, executor),
    assertOwnImage: (userId, id, executor) => own(userId, [id], executor, true),
  };
}

// replaced when users lands
function usersPortStub(infra: Infra, files: FilesPort): UsersPort {
  return {
    async getPublicUsers(_viewerId, ids, executor = infra.database.db) {
      const rows = (await findUsersByIds(executor, ids)).filter((r) => r.deletedAt === null);
      const avatars = await files.presentFiles(
        rows.flatMap((r) => (r.avatarFileId ? [r.avatarFileId] : [])),
        executor,
      );
      return new Map(rows.map((r) => [r.id, toPublicUserDto(r, r.avatarFileId ? (avatars.get(r.avatarFileId) ?? null) : null)]));
    },
    async idsByUsernames(usernames, executor = infra.database.db) {
      if (usernames.length === 0) return new Map();
      const lower = [...new Set(usernames.map((u) => u.toLowerCase()))];
      const rows = await executor
        .selectFrom('users')
        .select(['id', sql<string>`lower(username)`.as('name')])
        .where(sql<string>`lower(username)`, 'in', lower)
        .where('deletedAt', 'is', null)
        .execute();
      return new Map(rows.map((r) => [r.name, r.id]));
    },
    async exists(userId, executor = infra.database.db) {
      const row = await executor
        .selectFrom('users')
        .select('id')
        .where('id', '=', userId)
        .where('deletedAt', 'is', null)
        .executeTakeFirst();
      return row !== undefined;
    },
  };
}

// replaced when friends lands
function socialPortStub(infra: Infra): SocialPort {
  const friendIds = async (userId: string, executor = infra.database.db) =>
    (await executor.selectFrom('friendships').select('friendId').where('userId', '=', userId).execute()).map((r) => r.friendId);
  return {
    friendIds,
    async areFriends(a, b, executor = infra.database.db) {
      const row = await executor
        .selectFrom('friendships')
        .select('userId')
        .where('userId', '=', a)
        .where('friendId', '=', b)
        .executeTakeFirst();
      return row !== undefined;
    },
    async friendsAmong(userId, ids, executor) {
      const friends = new Set(await friendIds(userId, executor));
      return new Set(ids.filter((id) => friends.has(id)));
    },
    async isBlockedEitherWay(a, b, executor = infra.database.db) {
      const row = await executor
        .selectFrom('blocks')
        .select('blockerId')
        .where((eb) =>
          eb.or([
            eb.and([eb('blockerId', '=', a), eb('blockedId', '=', b)]),
            eb.and([eb('blockerId', '=', b), eb('blockedId', '=', a)]),
          ]),
        )
        .executeTakeFirst();
      return row !== undefined;
    },
  };
}

// replaced when notifications lands
function notificationsPortStub(): NotificationsPort {
  const present = (row: {
    id: string;
    type: string;
    actorId: string | null;
    data: unknown;
    read: boolean;
    createdAt: Date;
    updatedAt: Date;
  }) => ({
    id: row.id,
    type: row.type,
    actor: row.actorId ? { id: row.actorId } : null,
    data: row.data,
    read: row.read,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  });
  return {
    async notify(trx, emit, input) {
      const row = await trx
        .insertInto('notifications')
        .values({
          id: newId(),
          userId: input.userId,
          type: input.type,
          actorId: input.actorId,
          conversationId: input.conversationId ?? null,
          data: JSON.stringify(input.data),
          updatedAt: new Date(),
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      emit({ type: 'notification.created', data: present(row), to: [input.userId] });
    },
    async bumpMessageNotification(trx, emit, input) {
      const existing = await trx
        .selectFrom('notifications')
        .selectAll()
        .where('userId', '=', input.userId)
        .where('conversationId', '=', input.conversationId)
        .where('type', '=', 'message')
        .executeTakeFirst();
      const count = existing && !existing.read ? Number((existing.data as { count?: number }).count ?? 0) + 1 : 1;
      const data = JSON.stringify({ ...input.data, count });
      const row = existing
        ? await trx
            .updateTable('notifications')
            .set({ data, read: false, actorId: input.actorId, updatedAt: new Date() })
            .where('id', '=', existing.id)
            .returningAll()
            .executeTakeFirstOrThrow()
        : await trx
            .insertInto('notifications')
            .values({
              id: newId(),
              userId: input.userId,
              type: 'message',
              actorId: input.actorId,
              conversationId: input.conversationId,
              data,
              updatedAt: new Date(),
            })
            .returningAll()
            .executeTakeFirstOrThrow();
      emit({ type: existing ? 'notification.updated' : 'notification.created', data: present(row), to: [input.userId] });
    },
    async clearMessageNotification(trx, emit, userId, conversationId) {
      const existing = await trx
        .selectFrom('notifications')
        .selectAll()
        .where('userId', '=', userId)
        .where('conversationId', '=', conversationId)
        .where('type', '=', 'message')
        .executeTakeFirst();
      if (!existing || (existing.read && Number((existing.data as { count?: number }).count ?? 0) === 0)) return;
      const row = await trx
        .updateTable('notifications')
        .set({ read: true, data: JSON.stringify({ ...(existing.data as object), count: 0 }), updatedAt: new Date() })
        .where('id', '=', existing.id)
        .returningAll()
        .executeTakeFirstOrThrow();
      emit({ type: 'notification.updated', data: present(row), to: [userId] });
    },
  };
}

// replaced when groups lands
function groupsPortStub(infra: Infra): GroupsPort {
  return {
    async membershipOf(userId, groupId, executor = infra.database.db) {
      const row = await executor
        .selectFrom('groups as g')
        .innerJoin('conversationMembers as cm', 'cm.conversationId', 'g.conversationId')
        .select(['g.conversationId', 'cm.role', 'g.memberCount'])
        .where('g.id', '=', groupId)
        .where('g.deletedAt', 'is', null)
        .where('cm.userId', '=', userId)
        .executeTakeFirst();
      if (!row) throw notFound('Group');
      return { conversationId: row.conversationId, role: row.role ?? 'member', memberCount: row.memberCount };
    },
    async presentGroups(viewerId, groupIds, executor = infra.database.db) {
      if (groupIds.length === 0) return new Map();
      const rows = await executor
        .selectFrom('groups as g')
        .innerJoin('conversationMembers as cm', 'cm.conversationId', 'g.conversationId')
        .selectAll('g')
        .select('cm.role')
        .where('g.id', 'in', [...groupIds])
        .where('cm.userId', '=', viewerId)
        .execute();
      return new Map(
        rows.map((g) => [
          g.id,
          {
            id: g.id,
            conversationId: g.conversationId,
            name: g.name,
            description: g.description,
            avatar: null,
            ownerId: g.ownerId,
            memberCount: g.memberCount,
            myRole: g.role ?? 'member',
            createdAt: g.createdAt.toISOString(),
            updatedAt: g.updatedAt.toISOString(),
          },
        ]),
      );
    },
  };
}

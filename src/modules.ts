import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { DB } from './db/schema.js';
import type { Emit, Trx } from './events/transactor.js';
import { AppError, notFound } from './lib/errors.js';
import { newId } from './lib/ids.js';
import type { Infra } from './infra.js';
import type { FileDto } from './modules/files/files.schemas.js';
import { createGroupsModule } from './modules/groups/index.js';
import type {
  AccountDeletionHook,
  FilesPort,
  NotificationsPort,
  SocialPort,
  SystemMessagesPort,
  UsersPort,
} from './modules/ports.js';
import { toPublicUserDto } from './modules/users/users.presenter.js';

/**
 * Wires the feature modules: builds each service from the infrastructure and the services it
 * needs, then registers its routes. The only place that knows how modules depend on each other.
 */
export async function registerModules(app: FastifyInstance, infra: Infra): Promise<void> {
  const db = infra.database.db;
  const files = stubFilesPort(db, infra.config.publicUrl);
  const users = stubUsersPort(db, files);
  const social = stubSocialPort(db);
  const notifications = stubNotificationsPort(users);
  const systemMessages = stubSystemMessagesPort();

  const groups = createGroupsModule({
    db,
    transactor: infra.transactor,
    maxMembers: infra.config.maxGroupMembers,
    files,
    users,
    social,
    notifications,
    systemMessages,
  });
  await groups.register(app);

  /** Run, in order, inside the account deletion transaction (the accounts module calls them). */
  const accountDeletionHooks: AccountDeletionHook[] = [groups.onAccountDeleted];
  void accountDeletionHooks;
}

// replaced when files lands
function stubFilesPort(db: Kysely<DB>, publicUrl: string): FilesPort {
  return {
    async presentFiles(ids, executor = db) {
      if (ids.length === 0) return new Map<string, FileDto>();
      const rows = await executor
        .selectFrom('files')
        .selectAll()
        .where('id', 'in', [...new Set(ids)])
        .execute();
      return new Map(
        rows.map((f) => [
          f.id,
          {
            id: f.id,
            name: f.name,
            mimeType: f.mimeType,
            size: f.size,
            url: `${publicUrl}/files/${f.id}`,
            thumbnailUrl: f.thumbnailKey ? `${publicUrl}/files/${f.id}/thumbnail` : null,
            width: f.width,
            height: f.height,
            createdAt: f.createdAt.toISOString(),
          },
        ]),
      );
    },
    async assertOwnFiles(userId, ids, executor = db) {
      const unique = [...new Set(ids)];
      if (unique.length === 0) return;
      const rows = await executor
        .selectFrom('files')
        .select('id')
        .where('ownerId', '=', userId)
        .where('id', 'in', unique)
        .execute();
      if (rows.length !== unique.length) throw notFound('File');
    },
    async assertOwnImage(userId, id, executor = db) {
      const row = await executor
        .selectFrom('files')
        .select('mimeType')
        .where('ownerId', '=', userId)
        .where('id', '=', id)
        .executeTakeFirst();
      if (!row?.mimeType.startsWith('image/')) throw notFound('File');
    },
  };
}

// replaced when users lands
function stubUsersPort(db: Kysely<DB>, files: FilesPort): UsersPort {
  return {
    async getPublicUsers(_viewerId, ids, executor = db) {
      if (ids.length === 0) return new Map();
      const rows = await executor
        .selectFrom('users')
        .selectAll()
        .where('id', 'in', [...new Set(ids)])
        .where('deletedAt', 'is', null)
        .execute();
      const avatars = await files.presentFiles(
        rows.flatMap((r) => (r.avatarFileId ? [r.avatarFileId] : [])),
        executor,
      );
      return new Map(rows.map((r) => [r.id, toPublicUserDto(r, (r.avatarFileId && avatars.get(r.avatarFileId)) || null)]));
    },
    async idsByUsernames(usernames, executor = db) {
      if (usernames.length === 0) return new Map();
      const lower = usernames.map((u) => u.toLowerCase());
      const rows = await executor
        .selectFrom('users')
        .select(['id', 'username'])
        .where((eb) => eb(eb.fn('lower', ['username']), 'in', lower))
        .where('deletedAt', 'is', null)
        .execute();
      return new Map(rows.map((r) => [r.username.toLowerCase(), r.id]));
    },
    async exists(userId, executor = db) {
      return Boolean(
        await executor
          .selectFrom('users')
          .select('id')
          .where('id', '=', userId)
          .where('deletedAt', 'is', null)
          .executeTakeFirst(),
      );
    },
  };
}

// replaced when friends lands
function stubSocialPort(db: Kysely<DB>): SocialPort {
  const friendsAmong: SocialPort['friendsAmong'] = async (userId, ids, executor = db) => {
    if (ids.length === 0) return new Set();
    const rows = await executor
      .selectFrom('friendships')
      .select('friendId')
      .where('userId', '=', userId)
      .where('friendId', 'in', [...ids])
      .execute();
    return new Set(rows.map((r) => r.friendId));
  };
  return {
    async friendIds(userId, executor = db) {
      const rows = await executor.selectFrom('friendships').select('friendId').where('userId', '=', userId).execute();
      return rows.map((r) => r.friendId);
    },
    async areFriends(a, b, executor = db) {
      return (await friendsAmong(a, [b], executor)).has(b);
    },
    friendsAmong,
    async isBlockedEitherWay(a, b, executor = db) {
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
      return Boolean(row);
    },
  };
}

// replaced when notifications lands
function stubNotificationsPort(users: UsersPort): NotificationsPort {
  async function present(trx: Trx, emit: Emit, id: string, type: 'notification.created' | 'notification.updated'): Promise<void> {
    const n = await trx.selectFrom('notifications').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    const actor = n.actorId ? ((await users.getPublicUsers(n.userId, [n.actorId], trx)).get(n.actorId) ?? null) : null;
    const data = {
      id: n.id,
      type: n.type,
      actor,
      data: n.data,
      read: n.read,
      createdAt: n.createdAt.toISOString(),
      updatedAt: n.updatedAt.toISOString(),
    };
    emit({ type, to: [n.userId], data });
  }
  return {
    async notify(trx, emit, input) {
      const id = newId();
      const { userId, type, actorId, data, conversationId } = input;
      await trx
        .insertInto('notifications')
        .values({
          id,
          userId,
          type,
          actorId,
          data: JSON.stringify(data),
          conversationId: conversationId ?? null,
          updatedAt: new Date(),
        })
        .execute();
      await present(trx, emit, id, 'notification.created');
    },
    async bumpMessageNotification() {
      throw new AppError('internal_error', 'message notifications arrive with the notifications module');
    },
    async clearMessageNotification() {
      throw new AppError('internal_error', 'message notifications arrive with the notifications module');
    },
  };
}

// replaced when messages lands
function stubSystemMessagesPort(): SystemMessagesPort {
  return {
    async write(trx, emit, input) {
      const { conversationId, groupId, actorId, data, alsoNotify = [] } = input;
      const id = newId();
      const conversation = await trx
        .updateTable('conversations')
        .set((eb) => ({ lastSeq: eb('lastSeq', '+', 1), lastMessageId: id, updatedAt: new Date() }))
        .where('id', '=', conversationId)
        .returning('lastSeq')
        .executeTakeFirstOrThrow();
      const row = await trx
        .insertInto('messages')
        .values({
          id,
          conversationId,
          seq: conversation.lastSeq,
          senderId: actorId,
          type: 'system',
          systemData: JSON.stringify(data),
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      const members = await trx
        .selectFrom('conversationMembers')
        .select('userId')
        .where('conversationId', '=', conversationId)
        .execute();
      const message = {
        ...{ id, conversationId, groupId, senderId: actorId, recipientId: null, seq: row.seq, type: 'system', text: null },
        ...{ attachments: [], replyTo: null, mentions: [], clientMessageId: null, system: data },
        ...{ createdAt: row.createdAt.toISOString(), editedAt: null, deletedAt: null, status: null },
      };
      emit({ type: 'message.created', to: [...members.map((m) => m.userId), ...alsoNotify], data: message });
    },
  };
}

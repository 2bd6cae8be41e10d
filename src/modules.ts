import type { FastifyInstance } from 'fastify';
import type { Emit, Trx } from './events/transactor.js';
import type { Infra } from './infra.js';
import { AppError, notFound } from './lib/errors.js';
import { newId } from './lib/ids.js';
import { accountRoutes, authDeletionHook, authRoutes, createAuthModule } from './modules/auth/index.js';
import type { FileDto } from './modules/files/files.schemas.js';
import { createGroupsModule } from './modules/groups/index.js';
import type {
  AccountDeletionHook,
  FilesPort,
  NotificationsPort,
  PresencePort,
  SocialPort,
  SystemMessagesPort,
  UsersPort,
} from './modules/ports.js';
import { createUsersService, usersRoutes } from './modules/users/index.js';

/**
 * Wires the feature modules: builds each service from the infrastructure and the services it
 * needs, then registers its routes. The only place that knows how modules depend on each other.
 */
export async function registerModules(app: FastifyInstance, infra: Infra): Promise<void> {
  const { database, config } = infra;
  const db = database.db;
  const files = stubFiles(infra);
  const social = stubSocial(infra);
  const presence = stubPresence();
  const deletionHooks: AccountDeletionHook[] = [authDeletionHook];

  const users = createUsersService({
    db,
    transactor: infra.transactor,
    config,
    limiter: infra.limiter,
    files,
    social,
    presence,
    deletionHooks,
  });
  const auth = createAuthModule({
    db,
    transactor: infra.transactor,
    config,
    limiter: infra.limiter,
    mailer: infra.mailer,
    tokens: infra.tokens,
    log: infra.log,
    users,
  });
  app.addHook('onClose', async () => auth.drain());
  const notifications = stubNotificationsPort(users.port);
  const systemMessages = stubSystemMessagesPort();

  const groups = createGroupsModule({
    db,
    transactor: infra.transactor,
    maxMembers: config.maxGroupMembers,
    files,
    users: users.port,
    social,
    notifications,
    systemMessages,
  });
  // Account deletion ends memberships (by the usual leave rules) before friendships.
  deletionHooks.push(groups.onAccountDeleted, stubFriendsDeletionHook);

  await app.register(authRoutes, auth);
  await app.register(accountRoutes, auth);
  await app.register(usersRoutes, { users });
  await groups.register(app);
}

// replaced when files lands
function stubFiles(infra: Infra): FilesPort {
  const db = infra.database.db;
  const present = (row: {
    id: string;
    name: string;
    mimeType: string;
    size: number;
    width: number | null;
    height: number | null;
    thumbnailKey: string | null;
    createdAt: Date;
  }): FileDto => {
    const url = `${infra.config.publicUrl}/files/${row.id}`;
    return {
      id: row.id,
      name: row.name,
      mimeType: row.mimeType,
      size: row.size,
      url,
      thumbnailUrl: row.thumbnailKey ? `${url}/thumbnail` : null,
      width: row.width,
      height: row.height,
      createdAt: row.createdAt.toISOString(),
    };
  };
  return {
    async presentFiles(ids, executor = db) {
      if (ids.length === 0) return new Map();
      const rows = await executor
        .selectFrom('files')
        .selectAll()
        .where('id', 'in', [...new Set(ids)])
        .execute();
      return new Map(rows.map((r) => [r.id, present(r)]));
    },
    async assertOwnFiles(userId, ids, executor = db) {
      if (ids.length === 0) return;
      const rows = await executor
        .selectFrom('files')
        .select('id')
        .where('id', 'in', [...new Set(ids)])
        .where('ownerId', '=', userId)
        .execute();
      if (rows.length !== new Set(ids).size) throw notFound('File');
    },
    async assertOwnImage(userId, id, executor = db) {
      const row = await executor
        .selectFrom('files')
        .select('mimeType')
        .where('id', '=', id)
        .where('ownerId', '=', userId)
        .executeTakeFirst();
      if (!row || !row.mimeType.startsWith('image/')) throw notFound('File');
    },
  };
}

// replaced when friends lands
function stubSocial(infra: Infra): SocialPort {
  const db = infra.database.db;
  return {
    async friendIds(userId, executor = db) {
      const rows = await executor.selectFrom('friendships').select('friendId').where('userId', '=', userId).execute();
      return rows.map((r) => r.friendId);
    },
    async areFriends(a, b, executor = db) {
      const row = await executor
        .selectFrom('friendships')
        .select('userId')
        .where('userId', '=', a)
        .where('friendId', '=', b)
        .executeTakeFirst();
      return row !== undefined;
    },
    async friendsAmong(userId, ids, executor = db) {
      if (ids.length === 0) return new Set();
      const rows = await executor
        .selectFrom('friendships')
        .select('friendId')
        .where('userId', '=', userId)
        .where('friendId', 'in', [...ids])
        .execute();
      return new Set(rows.map((r) => r.friendId));
    },
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
      return row !== undefined;
    },
  };
}

// replaced when friends lands: ends the deleted user's friendships and pending requests
const stubFriendsDeletionHook: AccountDeletionHook = async (trx, _emit, userId) => {
  await trx
    .deleteFrom('friendships')
    .where((eb) => eb.or([eb('userId', '=', userId), eb('friendId', '=', userId)]))
    .execute();
  await trx
    .updateTable('friendRequests')
    .set({ status: 'cancelled', updatedAt: new Date() })
    .where('status', '=', 'pending')
    .where((eb) => eb.or([eb('fromUserId', '=', userId), eb('toUserId', '=', userId)]))
    .execute();
};

// replaced when realtime lands: everyone is offline
function stubPresence(): PresencePort {
  return {
    async lookup(userIds) {
      return new Map(userIds.map((id) => [id, { online: false, lastSeenAt: null }]));
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

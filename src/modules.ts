import type { FastifyInstance } from 'fastify';
import type { Infra } from './infra.js';
import { createFriendsService, friendsRoutes } from './modules/friends/index.js';
import { createNotificationsService, notificationsRoutes } from './modules/notifications/index.js';
import type { GatewayHooks, SocialPort, UsersPort } from './modules/ports.js';
import { findUserById } from './modules/users/users.repository.js';
import { toPublicUserDto, toUserDto } from './modules/users/users.presenter.js';
import type { PublicUserDto } from './modules/users/users.schemas.js';
import { createRealtime } from './realtime/index.js';

/**
 * Wires the feature modules: builds each service from the infrastructure and the services it
 * needs, then registers its routes. The only place that knows how modules depend on each other.
 */
export async function registerModules(app: FastifyInstance, infra: Infra): Promise<void> {
  const db = infra.database.db;
  // Presence announces to friends, and the friends module reads presence: resolved at run time.
  const socialRef: { current?: SocialPort } = {};
  const realtime = createRealtime(infra, {
    hooks: () => stubGatewayHooks(infra),
    social: () => socialRef.current,
    loadUser: stubLoadUser(infra),
    sessionActive: stubSessionActive(infra),
  });
  const users = stubUsers(infra);
  const notifications = createNotificationsService({ db, transactor: infra.transactor, users });
  const friends = createFriendsService({
    db,
    transactor: infra.transactor,
    users,
    presence: realtime.presence,
    notifications: notifications.port,
  });
  socialRef.current = friends.social;

  await realtime.register(app);
  await app.register(friendsRoutes, { friends });
  await app.register(notificationsRoutes, { service: notifications });
}

// replaced when users lands
function stubUsers(infra: Infra): UsersPort {
  const db = infra.database.db;
  return {
    async getPublicUsers(_viewerId, ids, executor = db) {
      if (ids.length === 0) return new Map<string, PublicUserDto>();
      const rows = await executor
        .selectFrom('users')
        .selectAll()
        .where('id', 'in', [...new Set(ids)])
        .execute();
      return new Map(rows.map((row) => [row.id, toPublicUserDto(row, null)]));
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
      return (await findUserById(executor, userId)) !== undefined;
    },
  };
}

// replaced when accounts lands
function stubLoadUser(infra: Infra) {
  return async (userId: string) => {
    const row = await findUserById(infra.database.db, userId);
    return row ? toUserDto(row, null) : null;
  };
}

// replaced when accounts lands
function stubSessionActive(infra: Infra) {
  return async (userId: string, sessionId: string) => {
    const row = await infra.database.db
      .selectFrom('sessions')
      .select('id')
      .where('id', '=', sessionId)
      .where('userId', '=', userId)
      .where('revokedAt', 'is', null)
      .where('expiresAt', '>', new Date())
      .executeTakeFirst();
    return row !== undefined;
  };
}

// replaced when messaging lands: typing in a direct chat between friends, or in a group of ≤ 100 members
function stubGatewayHooks(infra: Infra): GatewayHooks {
  const db = infra.database.db;
  return {
    async typingTargets(userId, target) {
      if (target.recipientId) {
        const key = [userId, target.recipientId].sort().join(':');
        const conv = await db.selectFrom('conversations').select('id').where('directKey', '=', key).executeTakeFirst();
        const friends = await db
          .selectFrom('friendships')
          .select('userId')
          .where('userId', '=', userId)
          .where('friendId', '=', target.recipientId)
          .executeTakeFirst();
        return conv && friends ? { conversationId: conv.id, groupId: null, userIds: [target.recipientId] } : null;
      }
      const group = await db
        .selectFrom('groups')
        .select(['conversationId', 'memberCount'])
        .where('id', '=', target.groupId!)
        .where('deletedAt', 'is', null)
        .executeTakeFirst();
      if (!group || group.memberCount > 100) return null;
      const members = await db
        .selectFrom('conversationMembers')
        .select('userId')
        .where('conversationId', '=', group.conversationId)
        .execute();
      const ids = members.map((m) => m.userId);
      return ids.includes(userId) ? { conversationId: group.conversationId, groupId: target.groupId!, userIds: ids } : null;
    },
  };
}

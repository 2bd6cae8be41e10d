import type { FastifyInstance } from 'fastify';
import path from 'node:path';
import type { Infra } from './infra.js';
import { createLocalStorage } from './lib/storage/local-storage.js';
import { accountRoutes, authDeletionHook, authRoutes, createAuthModule } from './modules/auth/index.js';
import { createFilesService, createUrlSigner, filesRoutes } from './modules/files/index.js';
import { createFriendsService, friendsRoutes, type FriendsService } from './modules/friends/index.js';
import { createNotificationsService, notificationsRoutes } from './modules/notifications/index.js';
import type { GatewayHooks, SocialPort } from './modules/ports.js';
import { createUsersService, usersRoutes } from './modules/users/index.js';
import { createRealtime } from './realtime/index.js';

/**
 * Wires the feature modules: builds each service from the infrastructure and the services it
 * needs, then registers its routes. The only place that knows how modules depend on each other.
 */
export async function registerModules(app: FastifyInstance, infra: Infra): Promise<void> {
  const { database, config, transactor } = infra;
  const db = database.db;
  // Users and friends need each other (public views show presence to friends; friend requests
  // present users), so the social port is bound once friends exists.
  let friends: FriendsService | undefined;
  const social = lateSocial(() => friends);
  const fileService = createFilesService({
    db,
    storage: createLocalStorage(path.join(config.dataDir, 'files')),
    limiter: infra.limiter,
    signer: createUrlSigner(config.jwtSecret, config.publicUrl),
    maxUploadBytes: config.maxUploadBytes,
    log: infra.log.child({ module: 'files' }),
  });
  const files = fileService.port;

  const realtime = createRealtime(infra, {
    hooks: () => stubGatewayHooks(infra),
    social: () => social,
    loadUser: async (userId) => users.presentSelf(userId).catch(() => null),
    sessionActive: async (userId, sessionId) => auth.sessions.isActive(userId, sessionId),
  });
  const users = createUsersService({
    db,
    transactor,
    config,
    limiter: infra.limiter,
    files,
    social,
    presence: realtime.presence,
    deletionHooks: [authDeletionHook, (trx, emit, userId) => friends!.deletionHook(trx, emit, userId)],
  });
  const notifications = createNotificationsService({ db, transactor, users: users.port });
  friends = createFriendsService({ db, transactor, users: users.port, presence: realtime.presence, notifications: notifications.port });
  const auth = createAuthModule({
    db,
    transactor,
    config,
    limiter: infra.limiter,
    mailer: infra.mailer,
    tokens: infra.tokens,
    log: infra.log,
    users,
  });
  app.addHook('onClose', async () => auth.drain());

  await realtime.register(app);
  await app.register(authRoutes, auth);
  await app.register(accountRoutes, auth);
  await app.register(usersRoutes, { users });
  await app.register(filesRoutes, { files: fileService, maxUploadBytes: config.maxUploadBytes });
  await app.register(friendsRoutes, { friends });
  await app.register(notificationsRoutes, { service: notifications });
}

/** A SocialPort whose calls go to the friends service once it exists. */
function lateSocial(get: () => FriendsService | undefined): SocialPort {
  const port = () => {
    const service = get();
    if (!service) throw new Error('friends service used before it was built');
    return service.social;
  };
  return {
    friendIds: (...args) => port().friendIds(...args),
    areFriends: (...args) => port().areFriends(...args),
    friendsAmong: (...args) => port().friendsAmong(...args),
    isBlockedEitherWay: (...args) => port().isBlockedEitherWay(...args),
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
        const friends = await db.selectFrom('friendships').select('userId').where('userId', '=', userId).where('friendId', '=', target.recipientId).executeTakeFirst();
        return conv && friends ? { conversationId: conv.id, groupId: null, userIds: [target.recipientId] } : null;
      }
      const group = await db.selectFrom('groups').select(['conversationId', 'memberCount']).where('id', '=', target.groupId!).where('deletedAt', 'is', null).executeTakeFirst();
      if (!group || group.memberCount > 100) return null;
      const members = await db.selectFrom('conversationMembers').select('userId').where('conversationId', '=', group.conversationId).execute();
      const ids = members.map((m) => m.userId);
      return ids.includes(userId) ? { conversationId: group.conversationId, groupId: target.groupId!, userIds: ids } : null;
    },
  };
}

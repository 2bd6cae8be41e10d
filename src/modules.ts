import type { FastifyInstance } from 'fastify';
import path from 'node:path';
import type { Infra } from './infra.js';
import { createLocalStorage } from './lib/storage/local-storage.js';
import { accountRoutes, authDeletionHook, authRoutes, createAuthModule } from './modules/auth/index.js';
import { createFilesService, createUrlSigner, filesRoutes } from './modules/files/index.js';
import { createFriendsService, friendsRoutes, type FriendsService } from './modules/friends/index.js';
import { createNotificationsService, notificationsRoutes } from './modules/notifications/index.js';
import { conversationsRoutes, createMessaging, messagesRoutes, type Messaging } from './modules/messages/index.js';
import type { GroupsPort, SocialPort } from './modules/ports.js';
import { notFound } from './lib/errors.js';
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
    hooks: () => messaging.gatewayHooks,
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
  friends = createFriendsService({
    db,
    transactor,
    users: users.port,
    presence: realtime.presence,
    notifications: notifications.port,
  });
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
  const messaging: Messaging = createMessaging({
    infra,
    files,
    users: users.port,
    social,
    notifications: notifications.port,
    groups: stubGroups(infra),
  });
  app.decorate('messaging', messaging);
  app.addHook('onClose', async () => messaging.close());

  await realtime.register(app);
  await app.register(authRoutes, auth);
  await app.register(accountRoutes, auth);
  await app.register(usersRoutes, { users });
  await app.register(filesRoutes, { files: fileService, maxUploadBytes: config.maxUploadBytes });
  await app.register(friendsRoutes, { friends });
  await app.register(notificationsRoutes, { service: notifications });
  await app.register(messagesRoutes, { messaging });
  await app.register(conversationsRoutes, { messaging });
}

declare module 'fastify' {
  interface FastifyInstance {
    /** The messaging services: also the gateway hooks and the system-messages port (tests use them directly). */
    messaging: Messaging;
  }
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

// replaced when groups lands: membership and a minimal group view from the groups/conversation_members tables
function stubGroups(infra: Infra): GroupsPort {
  const db = infra.database.db;
  return {
    async membershipOf(userId, groupId, executor = db) {
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
    async presentGroups(viewerId, groupIds, executor = db) {
      if (groupIds.length === 0) return new Map();
      const rows = await executor
        .selectFrom('groups as g')
        .innerJoin('conversationMembers as cm', 'cm.conversationId', 'g.conversationId')
        .selectAll('g')
        .select('cm.role')
        .where('g.id', 'in', [...groupIds])
        .where('cm.userId', '=', viewerId)
        .execute();
      const view = (g: (typeof rows)[number]) => ({
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
      });
      return new Map(rows.map((g) => [g.id, view(g)]));
    },
  };
}

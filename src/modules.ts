import type { FastifyInstance } from 'fastify';
import path from 'node:path';
import type { Infra } from './infra.js';
import { createLocalStorage } from './lib/storage/local-storage.js';
import { accountRoutes, authDeletionHook, authRoutes, createAuthModule, resetFormRoutes } from './modules/auth/index.js';
import { createDeliveryModule } from './modules/delivery/index.js';
import { createFilesService, createUrlSigner, filesRoutes, startFileSweeper } from './modules/files/index.js';
import { createFriendsService, friendsRoutes, friendshipQueries } from './modules/friends/index.js';
import { createNotificationsService, notificationsRoutes } from './modules/notifications/index.js';
import { createGroupsModule } from './modules/groups/index.js';
import {
  conversationsRoutes,
  createMessaging,
  createSystemMessages,
  messagesRoutes,
  reactionsRoutes,
  searchRoutes,
} from './modules/messages/index.js';
import type { GatewayHooks } from './modules/ports.js';
import { createUserDirectory, createUsersService, usersRoutes } from './modules/users/index.js';
import { createRealtime } from './realtime/index.js';

/**
 * Wires the feature modules: builds each service from the infrastructure and the services it
 * needs, then registers its routes. The only place that knows how modules depend on each other.
 */
export async function registerModules(app: FastifyInstance, infra: Infra): Promise<void> {
  const { database, config, transactor } = infra;
  const db = database.db;
  // Who is whose friend only reads the database: every module may ask it from the start.
  const social = friendshipQueries(db);
  const fileStorage = createLocalStorage(path.join(config.dataDir, 'files'));
  const filesLog = infra.log.child({ module: 'files' });
  const fileService = createFilesService({
    db,
    storage: fileStorage,
    limiter: infra.limiter,
    signer: createUrlSigner(config.jwtSecret, config.publicUrl),
    maxUploadBytes: config.maxUploadBytes,
    storageQuotaBytes: config.storageQuotaBytes,
    log: filesLog,
  });
  const files = fileService.port;
  const stopFileSweeper = startFileSweeper(
    { db, storage: fileStorage, log: filesLog },
    config.unattachedFileTtlSeconds,
    config.fileSweepIntervalSeconds,
  );
  app.addHook('onClose', stopFileSweeper);

  const realtime = createRealtime(infra, { social });
  const { presence } = realtime;
  const delivery = createDeliveryModule(infra, { presence, registry: app.metrics });
  const directory = createUserDirectory({ db, files, social, presence });
  const notifications = createNotificationsService({ db, transactor, users: directory });
  const friends = createFriendsService({
    db,
    transactor,
    users: directory,
    presence,
    notifications: notifications.port,
    limiter: infra.limiter,
  });
  const groups = createGroupsModule({
    db,
    transactor,
    maxMembers: config.maxGroupMembers,
    files,
    users: directory,
    social,
    notifications: notifications.port,
    systemMessages: createSystemMessages({ files }),
    limiter: infra.limiter,
  });
  const messaging = createMessaging({
    infra,
    files,
    users: directory,
    social,
    notifications: notifications.port,
    groups: groups.port,
  });
  const users = createUsersService({
    db,
    transactor,
    config,
    limiter: infra.limiter,
    files,
    social,
    directory,
    // Account deletion: sessions end, then memberships by the usual leave rules, then friendships.
    deletionHooks: [authDeletionHook(infra), delivery.onAccountDeleted, groups.onAccountDeleted, friends.deletionHook],
  });
  const auth = createAuthModule({
    db,
    transactor,
    config,
    limiter: infra.limiter,
    mailer: infra.mailer,
    tokens: infra.tokens,
    revokedSessions: infra.revokedSessions,
    log: infra.log,
    users,
  });
  app.addHook('onClose', async () => auth.drain());
  await auth.loadRevokedSessions();
  infra.bus.onResubscribe(() => {
    auth.loadRevokedSessions().catch((err: unknown) => infra.log.warn({ err }, 'reloading revoked sessions failed'));
  });
  app.addHook('onClose', async () => messaging.close());

  await realtime.register(app, {
    hooks: withPushAcks(messaging.gatewayHooks, delivery),
    loadUser: async (userId) => users.loadSelf(userId).catch(() => null),
    sessionActive: async (userId, sessionId) => auth.sessions.isActive(userId, sessionId),
  });
  await app.register(authRoutes, auth);
  await app.register(resetFormRoutes, auth);
  await app.register(accountRoutes, auth);
  await app.register(usersRoutes, { users });
  await app.register(filesRoutes, { files: fileService, maxUploadBytes: config.maxUploadBytes });
  await app.register(friendsRoutes, { friends });
  await app.register(notificationsRoutes, { service: notifications });
  await groups.register(app);
  await app.register(messagesRoutes, { messaging });
  await app.register(conversationsRoutes, { messaging });
  await app.register(reactionsRoutes, { messaging });
  await app.register(searchRoutes, { messaging });
  await delivery.register(app);
}

/** The gateway's ack goes to delivery receipts and also cancels the pushes waiting for it. */
function withPushAcks(hooks: GatewayHooks, delivery: { onAck(userId: string, seq: number): Promise<void> }): GatewayHooks {
  return {
    ...hooks,
    onAck: async (userId, seq) => {
      await Promise.all([hooks.onAck?.(userId, seq), delivery.onAck(userId, seq)]);
    },
  };
}

import type { FastifyInstance } from 'fastify';
import path from 'node:path';
import type { Infra } from './infra.js';
import { createLocalStorage } from './lib/storage/local-storage.js';
import { accountRoutes, authDeletionHook, authRoutes, createAuthModule, resetFormRoutes } from './modules/auth/index.js';
import { createDeliveryModule } from './modules/delivery/index.js';
import { createFilesService, createUrlSigner, filesRoutes, startFileSweeper } from './modules/files/index.js';
import { createFriendsService, friendsRoutes, type FriendsService } from './modules/friends/index.js';
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
import type { AccountDeletionHook, GatewayHooks, SocialPort } from './modules/ports.js';
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
  const late: { friends?: FriendsService } = {};
  const social = lateSocial(() => late.friends);
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

  // Account deletion: sessions end, then memberships by the usual leave rules, then friendships.
  const deletionHooks: AccountDeletionHook[] = [authDeletionHook(infra)];
  const realtime = createRealtime(infra, {
    hooks: () => withPushAcks(messaging.gatewayHooks, delivery),
    social: () => social,
    loadUser: async (userId) => users.presentSelf(userId).catch(() => null),
    sessionActive: async (userId, sessionId) => auth.sessions.isActive(userId, sessionId),
  });
  const delivery = createDeliveryModule(infra, { presence: realtime.presence, registry: app.metrics });
  deletionHooks.push(delivery.onAccountDeleted);
  const users = createUsersService({
    db,
    transactor,
    config,
    limiter: infra.limiter,
    files,
    social,
    presence: realtime.presence,
    deletionHooks,
  });
  const notifications = createNotificationsService({ db, transactor, users: users.port });
  const friends = createFriendsService({
    db,
    transactor,
    users: users.port,
    presence: realtime.presence,
    notifications: notifications.port,
    limiter: infra.limiter,
  });
  late.friends = friends;
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
  const groups = createGroupsModule({
    db,
    transactor,
    maxMembers: config.maxGroupMembers,
    files,
    users: users.port,
    social,
    notifications: notifications.port,
    systemMessages: createSystemMessages({ files }),
    limiter: infra.limiter,
  });
  deletionHooks.push(groups.onAccountDeleted, (trx, emit, userId) => friends.deletionHook(trx, emit, userId));
  const messaging = createMessaging({
    infra,
    files,
    users: users.port,
    social,
    notifications: notifications.port,
    groups: groups.port,
  });
  app.decorate('messaging', messaging);
  app.addHook('onClose', async () => messaging.close());

  await realtime.register(app);
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

declare module 'fastify' {
  interface FastifyInstance {
    /** The messaging services (also the gateway hooks and the system-messages port). */
    messaging: ReturnType<typeof createMessaging>;
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
    mayMessage: (...args) => port().mayMessage(...args),
    mayMessageMany: (...args) => port().mayMessageMany(...args),
  };
}

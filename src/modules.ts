import type { FastifyInstance } from 'fastify';
import path from 'node:path';
import type { Infra } from './infra.js';
import { createLocalStorage } from './lib/storage/local-storage.js';
import { accountRoutes, authDeletionHook, authRoutes, createAuthModule } from './modules/auth/index.js';
import { createFilesService, createUrlSigner, filesRoutes } from './modules/files/index.js';
import type { AccountDeletionHook, PresencePort, SocialPort } from './modules/ports.js';
import { createUsersService, usersRoutes } from './modules/users/index.js';

/**
 * Wires the feature modules: builds each service from the infrastructure and the services it
 * needs, then registers its routes. The only place that knows how modules depend on each other.
 */
export async function registerModules(app: FastifyInstance, infra: Infra): Promise<void> {
  const { database, config } = infra;
  const db = database.db;
  const fileService = createFilesService({
    db,
    storage: createLocalStorage(path.join(config.dataDir, 'files')),
    limiter: infra.limiter,
    signer: createUrlSigner(config.jwtSecret, config.publicUrl),
    maxUploadBytes: config.maxUploadBytes,
    log: infra.log.child({ module: 'files' }),
  });
  const files = fileService.port;
  const social = stubSocial(infra);
  const presence = stubPresence();
  const deletionHooks: AccountDeletionHook[] = [authDeletionHook, stubFriendsDeletionHook];

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

  await app.register(authRoutes, auth);
  await app.register(accountRoutes, auth);
  await app.register(usersRoutes, { users });
  await app.register(filesRoutes, { files: fileService, maxUploadBytes: config.maxUploadBytes });
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

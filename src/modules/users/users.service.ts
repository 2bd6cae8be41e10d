import type { Config } from '../../config.js';
import type { Db } from '../../db/database.js';
import type { UserRow } from '../../db/schema.js';
import type { Emit, Transactor, Trx } from '../../events/transactor.js';
import { decodeCursor, encodeCursor } from '../../lib/cursor.js';
import { AppError, notFound } from '../../lib/errors.js';
import { verifyNothing, verifyPassword } from '../../lib/passwords.js';
import type { RateLimiter } from '../../lib/rate-limiter.js';
import type { FileDto } from '../files/files.schemas.js';
import type { AccountDeletionHook, FilesPort, SocialPort, UsersPort } from '../ports.js';
import { toUserDto } from './users.presenter.js';
import * as repo from './users.repository.js';
import type { PublicUserDto, SearchUsersQuery, UpdateProfile, UserDto, UserPage } from './users.schemas.js';

export interface UsersDeps {
  db: Db;
  transactor: Transactor;
  config: Readonly<Config>;
  limiter: RateLimiter;
  files: FilesPort;
  social: SocialPort;
  /** Public views of users, as other modules get them too. */
  directory: UsersPort;
  /** Run inside the deletion transaction (sessions, friendships, memberships …). */
  deletionHooks: readonly AccountDeletionHook[];
}

/** Password checks of a signed-in user: 5 per minute, so a stolen access token cannot guess it. */
const PASSWORD_CHECK = { burst: 5, perSecond: 5 / 60 };
/** User search: 30 a minute per user, so nobody pages through every username at full speed. */
export const SEARCH_RULE = { burst: 30, perSecond: 30 / 60 };

export function createUsersService(deps: UsersDeps) {
  const { db, files, social } = deps;

  async function avatarOf(row: UserRow, executor: Db): Promise<Map<string, FileDto>> {
    return row.avatarFileId ? files.presentFiles([row.avatarFileId], executor) : new Map();
  }

  /** The `User` object of an account (yourself), or `not_found` for an unknown or deleted one. */
  async function loadSelf(userId: string, executor: Db = db): Promise<UserDto> {
    const row = await repo.findUserById(executor, userId);
    if (!row) throw notFound('User');
    const avatars = await avatarOf(row, executor);
    return toUserDto(row, row.avatarFileId ? (avatars.get(row.avatarFileId) ?? null) : null);
  }

  const port = deps.directory;

  /** Tells yourself (User) and your friends (PublicUser) that your profile changed. */
  async function emitProfileUpdated(trx: Trx, emit: Emit, userId: string): Promise<UserDto> {
    const self = await loadSelf(userId, trx);
    emit({ type: 'profile.updated', data: self, to: [userId] });
    const friendIds = await social.friendIds(userId, trx);
    if (friendIds.length > 0) {
      const [friendId] = friendIds;
      const view = (await port.getPublicUsers(friendId!, [userId], trx)).get(userId);
      if (view) emit({ type: 'profile.updated', data: view, to: friendIds });
    }
    return self;
  }

  /** Checks the password of a signed-in user (rate limited per account). */
  async function assertPassword(userId: string, password: string): Promise<void> {
    await deps.limiter.consume(`password-check:${userId}`, PASSWORD_CHECK);
    const row = await repo.findUserById(db, userId);
    if (!row) throw notFound('User');
    const ok = row.passwordHash
      ? await verifyPassword(row.passwordHash, password)
      : await verifyNothing(password, deps.config.passwordHashCost);
    if (!ok) throw new AppError('invalid_credentials', 'The password is incorrect');
  }

  return {
    port,
    loadSelf,
    emitProfileUpdated,
    assertPassword,

    /** Your own profile. */
    getProfile: (userId: string) => loadSelf(userId),

    /** Changes display name, bio, username or avatar; tells you and your friends. */
    async updateProfile(userId: string, input: UpdateProfile): Promise<UserDto> {
      return deps.transactor(async (trx, emit) => {
        if (input.avatarFileId) await files.assertOwnImage(userId, input.avatarFileId, trx);
        if (input.username !== undefined) {
          const holder = await repo.findUserByUsername(trx, input.username);
          if (holder && holder.id !== userId) throw new AppError('username_taken', 'That username is taken');
        }
        const changed = await repo.updateUser(trx, userId, input).catch((error: unknown) => {
          if (repo.isUniqueViolation(error, 'users_username_lower'))
            throw new AppError('username_taken', 'That username is taken');
          throw error;
        });
        if (!changed || changed.deletedAt) throw notFound('User');
        return emitProfileUpdated(trx, emit, userId);
      });
    },

    /** Deletes the account: every module's hook ends what the user took part in, then the profile is anonymised. */
    async deleteAccount(userId: string, password: string): Promise<void> {
      await assertPassword(userId, password);
      await deps.transactor(async (trx, emit) => {
        for (const hook of deps.deletionHooks) await hook(trx, emit, userId);
        await repo.anonymiseUser(trx, userId);
      });
    },

    /** Another user's public view; `not_found` for unknown or deleted accounts. */
    async getPublicUser(viewerId: string, userId: string): Promise<PublicUserDto> {
      if (!(await port.exists(userId))) throw notFound('User');
      const user = (await port.getPublicUsers(viewerId, [userId])).get(userId);
      if (!user) throw notFound('User');
      return user;
    },

    /** Username prefix search, alphabetical, with an opaque cursor. */
    async searchUsers(viewerId: string, query: SearchUsersQuery): Promise<UserPage> {
      await deps.limiter.consume(`user-search:${viewerId}`, SEARCH_RULE);
      const limit = query.limit ?? 50;
      const after = query.cursor ? decodeCursor(query.cursor, ['username'])[0] : undefined;
      const rows = await repo.searchUsersByPrefix(db, {
        prefix: query.query,
        after,
        limit: limit + 1,
        verifiedOnly: deps.config.requireEmailVerification,
      });
      const page = rows.slice(0, limit);
      const views = await port.getPublicUsers(
        viewerId,
        page.map((r) => r.id),
      );
      const last = page.at(-1);
      return {
        users: page.flatMap((r) => views.get(r.id) ?? []),
        nextCursor: rows.length > limit && last ? encodeCursor([last.username.toLowerCase()]) : null,
      };
    },
  };
}

export type UsersService = ReturnType<typeof createUsersService>;

import type { Db } from '../../db/database.js';
import type { FileDto } from '../files/files.schemas.js';
import type { FilesPort, PresenceInfo, PresencePort, SocialPort, UsersPort } from '../ports.js';
import { toPublicUserDto } from './users.presenter.js';
import * as repo from './users.repository.js';
import type { PublicUserDto } from './users.schemas.js';

export interface UserDirectoryDeps {
  db: Db;
  files: FilesPort;
  social: SocialPort;
  presence: PresencePort;
}

/**
 * Loads users as other modules show them (the `UsersPort`): public views with avatars, and
 * presence for friends. It only reads, so it is built before the modules that need it, and the
 * users service (which runs account deletion through their hooks) after them.
 */
export function createUserDirectory(deps: UserDirectoryDeps): UsersPort {
  const { db, files, social, presence } = deps;
  return {
    async getPublicUsers(viewerId, ids, executor = db) {
      const rows = await repo.findUsersByIds(executor, ids);
      const avatarIds = rows.flatMap((r) => (r.avatarFileId ? [r.avatarFileId] : []));
      const avatars = avatarIds.length ? await files.presentFiles(avatarIds, executor) : new Map<string, FileDto>();
      const friends = viewerId
        ? await social.friendsAmong(
            viewerId,
            rows.map((r) => r.id),
            executor,
          )
        : new Set<string>();
      const seen = friends.size ? await presence.lookup([...friends]) : new Map<string, PresenceInfo>();
      const out = new Map<string, PublicUserDto>();
      for (const row of rows) {
        const avatar = row.avatarFileId ? (avatars.get(row.avatarFileId) ?? null) : null;
        const p = friends.has(row.id) ? (seen.get(row.id) ?? { online: false, lastSeenAt: null }) : undefined;
        out.set(
          row.id,
          toPublicUserDto(row, avatar, p && { online: p.online, lastSeenAt: p.lastSeenAt ? new Date(p.lastSeenAt) : null }),
        );
      }
      return out;
    },
    async idsByUsernames(usernames, executor = db) {
      const rows = await repo.findIdsByUsernames(executor, usernames);
      return new Map(rows.map((r) => [r.username.toLowerCase(), r.id]));
    },
    async exists(userId, executor = db) {
      return (await repo.findUserById(executor, userId)) !== undefined;
    },
  };
}

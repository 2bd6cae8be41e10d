import type { UserRow } from '../../db/schema.js';
import type { FileDto } from '../files/files.schemas.js';
import type { PublicUserDto, UserDto } from './users.schemas.js';

export interface Presence {
  online: boolean;
  lastSeenAt: Date | null;
}

export function toUserDto(row: UserRow, avatar: FileDto | null): UserDto {
  return {
    id: row.id,
    username: row.username,
    email: row.email ?? '',
    emailVerified: row.emailVerifiedAt !== null,
    displayName: row.displayName,
    bio: row.bio,
    avatar,
    mfaEnabled: row.mfaEnabled,
    createdAt: row.createdAt.toISOString(),
  };
}

/** `presence` is given only when the viewer is a friend. */
export function toPublicUserDto(row: UserRow, avatar: FileDto | null, presence?: Presence): PublicUserDto {
  return {
    id: row.id,
    username: row.username,
    displayName: row.displayName,
    bio: row.bio,
    avatar,
    ...(presence ? { online: presence.online, lastSeenAt: presence.lastSeenAt?.toISOString() ?? null } : {}),
  };
}

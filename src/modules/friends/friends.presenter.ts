import type { FriendRequestRow } from '../../db/schema.js';
import type { PublicUserDto } from '../users/users.schemas.js';
import type { FriendRequestDto } from './friends.schemas.js';

/** A user who vanished between the read and the presentation (deleted account). */
function ghost(id: string): PublicUserDto {
  return { id, username: 'deleted', displayName: null, bio: null, avatar: null };
}

export function toFriendRequestDto(row: FriendRequestRow, users: Map<string, PublicUserDto>): FriendRequestDto {
  return {
    id: row.id,
    from: users.get(row.fromUserId) ?? ghost(row.fromUserId),
    to: users.get(row.toUserId) ?? ghost(row.toUserId),
    status: row.status,
    createdAt: new Date(row.createdAt).toISOString(),
  };
}

/** Fills `online` and `lastSeenAt` (friends only see them). */
export function withPresence(user: PublicUserDto, presence: { online: boolean; lastSeenAt: string | null } | undefined): PublicUserDto {
  return { ...user, online: presence?.online ?? false, lastSeenAt: presence?.lastSeenAt ?? user.lastSeenAt ?? null };
}

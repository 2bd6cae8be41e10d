import type { Db } from '../db/database.js';
import type { Emit, Trx } from '../events/transactor.js';
import type { FileDto } from './files/files.schemas.js';
import type { GroupDto, GroupRole } from './groups/groups.schemas.js';
import type { SystemMessageData } from './messages/messages.schemas.js';
import type { NotificationType } from './notifications/notifications.schemas.js';
import type { PublicUserDto } from './users/users.schemas.js';

// The contracts between feature modules. A module needs others only through these narrow
// interfaces; `modules.ts` wires the real implementations. Every read takes an optional executor
// (the database handle `Db`, or the caller's transaction) so it can run inside that transaction
// (PGlite has one connection: a `db` call inside a transaction would wait forever).

/** Provided by the files module. */
export interface FilesPort {
  /** Presents files with fresh signed URLs; unknown ids are absent from the map. */
  presentFiles(ids: readonly string[], executor?: Db): Promise<Map<string, FileDto>>;
  /** Throws `not_found` unless every id is a file uploaded by `userId`. */
  assertOwnFiles(userId: string, ids: readonly string[], executor?: Db): Promise<void>;
  /** Throws `not_found` unless every id is an image (for avatars and group pictures) uploaded by `userId`. */
  assertOwnImage(userId: string, id: string, executor?: Db): Promise<void>;
}

/** Provided by the users module. */
export interface UsersPort {
  /** Public views as `viewerId` sees them (presence only for friends); unknown ids are absent. */
  getPublicUsers(viewerId: string | null, ids: readonly string[], executor?: Db): Promise<Map<string, PublicUserDto>>;
  /** Lower-cased usernames → ids, for `@username` mentions and adding friends by name. */
  idsByUsernames(usernames: readonly string[], executor?: Db): Promise<Map<string, string>>;
  /** True for an existing, not deleted account. */
  exists(userId: string, executor?: Db): Promise<boolean>;
}

/** Provided by the friends module. */
export interface SocialPort {
  friendIds(userId: string, executor?: Db): Promise<string[]>;
  areFriends(a: string, b: string, executor?: Db): Promise<boolean>;
  /** The subset of `ids` that are friends of `userId`. */
  friendsAmong(userId: string, ids: readonly string[], executor?: Db): Promise<Set<string>>;
  /** Whether `a` may message `b`: friends, and neither blocks the other (one query). */
  mayMessage(a: string, b: string, executor?: Db): Promise<boolean>;
  /** `mayMessage` for many pairs in one query, one answer per pair in order. */
  mayMessageMany(pairs: readonly { from: string; to: string }[], executor?: Db): Promise<boolean[]>;
}

export interface PresenceInfo {
  online: boolean;
  lastSeenAt: string | null;
}

/** Provided by the real-time gateway. */
export interface PresencePort {
  lookup(userIds: readonly string[]): Promise<Map<string, PresenceInfo>>;
}

/**
 * Provided by the notifications module; every call runs in the caller's transaction and emits the
 * event. `message` notifications are not written: they are derived from conversation state.
 */
export interface NotificationsPort {
  /** Creates one notification (`friend_request`, `friend_accepted`, `mention`, `group_added`). */
  notify(
    trx: Trx,
    emit: Emit,
    input: {
      userId: string;
      type: Exclude<NotificationType, 'message'>;
      actorId: string | null;
      data: Record<string, unknown>;
      conversationId?: string;
    },
  ): Promise<void>;
}

/** Runs in the account deletion transaction: each module ends what the user took part in. */
export type AccountDeletionHook = (trx: Trx, emit: Emit, userId: string) => Promise<void>;

/** What the gateway asks the messaging side. */
export interface GatewayHooks {
  /** A client acknowledged every event up to `seq`: mark the messages they carried delivered. */
  onAck?(userId: string, seq: number): Promise<void>;
  /** Who gets a `typing` frame from `userId` for this target, or null to refuse it. */
  typingTargets?(
    userId: string,
    target: { recipientId?: string; groupId?: string },
  ): Promise<{ conversationId: string; groupId: string | null; userIds: string[] } | null>;
}

/** Provided by the groups module. */
export interface GroupsPort {
  /** The group's conversation and the caller's role; throws `not_found` unless `userId` is a member. */
  membershipOf(
    userId: string,
    groupId: string,
    executor?: Db,
  ): Promise<{ conversationId: string; role: GroupRole; memberCount: number }>;
  /** Groups as `viewerId` (a member) sees them, keyed by group id; groups they are not in are absent. */
  presentGroups(viewerId: string, groupIds: readonly string[], executor?: Db): Promise<Map<string, GroupDto>>;
}

/** Provided by the messages module. */
export interface SystemMessagesPort {
  /**
   * Appends a `system` message to a conversation (next seq) and emits `message.created` to its
   * current members plus `alsoNotify` (e.g. the member just removed), in the caller's transaction.
   */
  write(
    trx: Trx,
    emit: Emit,
    input: {
      conversationId: string;
      groupId: string;
      actorId: string | null;
      data: SystemMessageData;
      alsoNotify?: readonly string[];
    },
  ): Promise<void>;
}

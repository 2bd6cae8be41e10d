import type { FriendRequestRow } from '../../db/schema.js';
import type { Db } from '../../db/database.js';
import type { Emit, Transactor, Trx } from '../../events/transactor.js';
import { AppError, notFound } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import type { RateLimiter } from '../../lib/rate-limiter.js';
import type { NotificationsPort, PresencePort, UsersPort } from '../ports.js';
import type { PublicUserDto } from '../users/users.schemas.js';
import * as repo from './friends.repository.js';
import { toFriendRequestDto, withPresence } from './friends.presenter.js';
import type { AddFriend, FriendRequestDto, FriendRequestList } from './friends.schemas.js';

export interface FriendsDeps {
  db: Db;
  transactor: Transactor;
  users: UsersPort;
  presence: PresencePort;
  notifications: NotificationsPort;
  limiter: RateLimiter;
}

/**
 * `POST /friends/add`: 20 an hour per user. Each request notifies a stranger, and adding by
 * username tells existing names from unknown ones, so both spam and enumeration are bounded.
 */
export const FRIEND_REQUEST_RULE = { burst: 20, perSecond: 20 / 3600 };

export type AddFriendResult = { request: FriendRequestDto } | { friend: PublicUserDto };

/** Loads friend requests as both sides see them (no presence: they are not friends yet). */
export async function loadRequests(deps: FriendsDeps, rows: FriendRequestRow[], executor: Db): Promise<FriendRequestDto[]> {
  if (rows.length === 0) return [];
  const users = await deps.users.getPublicUsers(
    null,
    rows.flatMap((r) => [r.fromUserId, r.toUserId]),
    executor,
  );
  return rows.map((row) => toFriendRequestDto(row, users));
}

/** One request as both sides see it (for its events). */
async function loadRequest(deps: FriendsDeps, row: FriendRequestRow, executor: Db): Promise<FriendRequestDto> {
  const [dto] = await loadRequests(deps, [row], executor);
  return dto!;
}

/** A friend as `viewerId` sees them, with presence. Runs outside transactions. */
export async function loadFriend(deps: FriendsDeps, viewerId: string, friendId: string): Promise<PublicUserDto> {
  const [users, presence] = await Promise.all([
    deps.users.getPublicUsers(viewerId, [friendId]),
    deps.presence.lookup([friendId]),
  ]);
  const user = users.get(friendId);
  if (!user) throw notFound('User');
  return withPresence(user, presence.get(friendId));
}

/** Resolves `{ userId }` or `{ username }` to an existing user other than `me`. */
export async function resolveTarget(deps: FriendsDeps, me: string, body: AddFriend): Promise<string> {
  if ((body.userId === undefined) === (body.username === undefined)) {
    throw new AppError('validation_failed', 'Give exactly one of userId or username', {
      errors: [{ path: 'body', message: 'exactly one of userId or username is required' }],
    });
  }
  const id = body.userId ?? (await deps.users.idsByUsernames([body.username!])).get(body.username!.toLowerCase());
  if (id === me) throw new AppError('bad_request', 'You cannot add yourself as a friend');
  if (!id || !(await deps.users.exists(id))) throw notFound('User');
  return id;
}

/** Accepts a pending request inside the caller's transaction: friendship, events, notification. */
export async function acceptInTransaction(deps: FriendsDeps, trx: Trx, emit: Emit, row: FriendRequestRow): Promise<void> {
  const settled = await repo.settleRequest(trx, row.id, 'accepted');
  if (!settled) throw notFound('Friend request');
  await repo.insertFriendship(trx, settled.fromUserId, settled.toUserId);
  const dto = await loadRequest(deps, settled, trx);
  emit({ type: 'friend.request_accepted', data: dto, to: [settled.fromUserId, settled.toUserId] });
  await deps.notifications.notify(trx, emit, {
    userId: settled.fromUserId,
    type: 'friend_accepted',
    actorId: settled.toUserId,
    data: { requestId: settled.id, userId: settled.toUserId },
  });
}

/**
 * Sends a friend request, or accepts theirs when they already asked. A request to someone who
 * blocked you answers as usual but is hidden from them and never delivered.
 */
export async function addFriend(deps: FriendsDeps, me: string, body: AddFriend): Promise<AddFriendResult> {
  await deps.limiter.consume(`friend-request:${me}`, FRIEND_REQUEST_RULE);
  const target = await resolveTarget(deps, me, body);
  const outcome = await deps.transactor(async (trx, emit): Promise<{ request: FriendRequestDto } | { accepted: true }> => {
    await repo.lockUsers(trx, [me, target]);
    if (await repo.isBlocked(trx, me, target)) throw new AppError('blocked', 'You blocked this user; unblock them first');
    if (await repo.areFriends(trx, me, target)) throw new AppError('already_friends', 'You are already friends');
    if (await repo.findPending(trx, me, target)) throw new AppError('request_pending', 'You already asked this user');
    const theirs = await repo.findPending(trx, target, me);
    if (theirs) {
      await acceptInTransaction(deps, trx, emit, theirs);
      return { accepted: true as const };
    }
    const hidden = await repo.isBlocked(trx, target, me);
    const row = await repo.insertRequest(trx, { id: newId(), fromUserId: me, toUserId: target, hidden });
    const dto = await loadRequest(deps, row, trx);
    emit({ type: 'friend.request_sent', data: dto, to: [me] });
    if (!hidden) {
      emit({ type: 'friend.request_received', data: dto, to: [target] });
      await deps.notifications.notify(trx, emit, {
        userId: target,
        type: 'friend_request',
        actorId: me,
        data: { requestId: row.id },
      });
    }
    return { request: dto };
  });
  if ('request' in outcome) return { request: outcome.request };
  return { friend: await loadFriend(deps, me, target) };
}

/** Loads a request `me` may see: theirs to me (unless hidden) or mine to them. */
async function visibleRequest(trx: Trx, me: string, requestId: string): Promise<FriendRequestRow> {
  const row = await repo.findRequest(trx, requestId);
  const visible = row && (row.fromUserId === me || (row.toUserId === me && !row.hidden));
  if (!row || !visible || row.status !== 'pending') throw notFound('Friend request');
  return row;
}

/** The addressee accepts; returns the new friend. */
export async function acceptFriendRequest(deps: FriendsDeps, me: string, requestId: string): Promise<PublicUserDto> {
  const row = await deps.transactor(async (trx, emit) => {
    const found = await visibleRequest(trx, me, requestId);
    if (found.toUserId !== me) throw new AppError('forbidden', 'Only the addressee can accept a request');
    await repo.lockUsers(trx, [found.fromUserId, found.toUserId]);
    await acceptInTransaction(deps, trx, emit, found);
    return found;
  });
  return loadFriend(deps, me, row.fromUserId);
}

/** The addressee declines; both sides get `friend.request_declined`. */
export async function declineFriendRequest(deps: FriendsDeps, me: string, requestId: string): Promise<void> {
  await deps.transactor(async (trx, emit) => {
    const found = await visibleRequest(trx, me, requestId);
    if (found.toUserId !== me) throw new AppError('forbidden', 'Only the addressee can decline a request');
    const settled = await repo.settleRequest(trx, found.id, 'declined');
    if (!settled) throw notFound('Friend request');
    const dto = await loadRequest(deps, settled, trx);
    emit({ type: 'friend.request_declined', data: dto, to: [settled.fromUserId, settled.toUserId] });
  });
}

/** The sender cancels; the addressee hears of it only if the request was delivered. */
export async function cancelFriendRequest(deps: FriendsDeps, me: string, requestId: string): Promise<void> {
  await deps.transactor(async (trx, emit) => {
    const found = await visibleRequest(trx, me, requestId);
    if (found.fromUserId !== me) throw new AppError('forbidden', 'Only the sender can cancel a request');
    await cancelInTransaction(deps, trx, emit, found);
  });
}

export async function cancelInTransaction(deps: FriendsDeps, trx: Trx, emit: Emit, row: FriendRequestRow): Promise<void> {
  const settled = await repo.settleRequest(trx, row.id, 'cancelled');
  if (!settled) return;
  const dto = await loadRequest(deps, settled, trx);
  emit({
    type: 'friend.request_cancelled',
    data: dto,
    to: settled.hidden ? [settled.fromUserId] : [settled.fromUserId, settled.toUserId],
  });
}

/** Your pending requests, both ways (requests from people you blocked are not shown). */
export async function listFriendRequests(deps: FriendsDeps, me: string): Promise<FriendRequestList> {
  const [incoming, outgoing] = await Promise.all([
    repo.listPending(deps.db, me, 'incoming'),
    repo.listPending(deps.db, me, 'outgoing'),
  ]);
  const presented = await loadRequests(deps, [...incoming, ...outgoing], deps.db);
  return { incoming: presented.slice(0, incoming.length), outgoing: presented.slice(incoming.length) };
}

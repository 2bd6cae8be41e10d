import type { Emit, Trx } from '../../events/transactor.js';
import { decodeTimeCursor, encodeTimeCursor, pageOf } from '../../lib/cursor.js';
import { AppError, notFound } from '../../lib/errors.js';
import type { PageQuery } from '../../lib/schemas.js';
import type { AccountDeletionHook } from '../ports.js';
import type { PublicUserDto } from '../users/users.schemas.js';
import {
  acceptFriendRequest,
  addFriend,
  cancelFriendRequest,
  cancelInTransaction,
  declineFriendRequest,
  listFriendRequests,
  type AddFriendResult,
  type FriendsDeps,
} from './friend-requests.service.js';
import * as repo from './friends.repository.js';
import { withPresence } from './friends.presenter.js';
import type { AddFriend, BlockList, FriendList, FriendRequestList } from './friends.schemas.js';

export type { FriendsDeps } from './friend-requests.service.js';

export interface FriendsService {
  /** Sends a request by id or username, or becomes friends at once when they already asked you. */
  addFriend(me: string, body: AddFriend): Promise<AddFriendResult>;
  /** Your friends, newest friendships first, with `online` and `lastSeenAt`. */
  listFriends(me: string, page: PageQuery): Promise<FriendList>;
  /** Pending requests to you and from you. */
  listFriendRequests(me: string): Promise<FriendRequestList>;
  acceptFriendRequest(me: string, requestId: string): Promise<PublicUserDto>;
  declineFriendRequest(me: string, requestId: string): Promise<void>;
  cancelFriendRequest(me: string, requestId: string): Promise<void>;
  /** Ends a friendship; both get `friend.removed`. */
  removeFriend(me: string, userId: string): Promise<void>;
  /** Blocks a user: ends the friendship, cancels your requests to them and hides theirs to you. */
  blockUser(me: string, userId: string): Promise<void>;
  unblockUser(me: string, userId: string): Promise<void>;
  listBlocks(me: string, page: PageQuery): Promise<BlockList>;
  /** Account deletion: friendships end and pending requests are cancelled. */
  deletionHook: AccountDeletionHook;
}

export function createFriendsService(deps: FriendsDeps): FriendsService {
  const { db } = deps;

  async function endFriendship(trx: Trx, emit: Emit, a: string, b: string): Promise<boolean> {
    if (!(await repo.deleteFriendship(trx, a, b))) return false;
    emit({ type: 'friend.removed', data: { userId: b }, to: [a] });
    emit({ type: 'friend.removed', data: { userId: a }, to: [b] });
    return true;
  }

  async function assertOther(me: string, userId: string, executor = db): Promise<void> {
    if (userId === me) throw new AppError('bad_request', 'That is yourself');
    if (!(await deps.users.exists(userId, executor))) throw notFound('User');
  }

  return {
    addFriend: (me, body) => addFriend(deps, me, body),
    listFriendRequests: (me) => listFriendRequests(deps, me),
    acceptFriendRequest: (me, id) => acceptFriendRequest(deps, me, id),
    declineFriendRequest: (me, id) => declineFriendRequest(deps, me, id),
    cancelFriendRequest: (me, id) => cancelFriendRequest(deps, me, id),

    async listFriends(me, page) {
      const limit = page.limit ?? 50;
      const rows = await repo.listFriends(db, me, page.cursor ? decodeTimeCursor(page.cursor) : undefined, limit + 1);
      const { items, nextCursor } = pageOf(rows, limit, (last) => encodeTimeCursor(new Date(last.createdAt), last.friendId));
      const ids = items.map((r) => r.friendId);
      const [users, presence] = await Promise.all([deps.users.getPublicUsers(me, ids), deps.presence.lookup(ids)]);
      const friends = items.flatMap((r) => {
        const user = users.get(r.friendId);
        return user ? [{ user: withPresence(user, presence.get(r.friendId)), since: new Date(r.createdAt).toISOString() }] : [];
      });
      return { friends, nextCursor };
    },

    async removeFriend(me, userId) {
      await assertOther(me, userId);
      await deps.transactor(async (trx, emit) => {
        await repo.lockUsers(trx, [me, userId]);
        if (!(await endFriendship(trx, emit, me, userId))) throw new AppError('not_friends', 'You are not friends');
      });
    },

    async blockUser(me, userId) {
      await assertOther(me, userId);
      await deps.transactor(async (trx, emit) => {
        await repo.lockUsers(trx, [me, userId]);
        if (!(await repo.insertBlock(trx, me, userId))) return;
        await endFriendship(trx, emit, me, userId);
        for (const row of await repo.pendingInvolving(trx, me, userId)) {
          if (row.fromUserId === me) await cancelInTransaction(deps, trx, emit, row);
          else await repo.hideRequest(trx, row.id);
        }
        emit({ type: 'block.created', data: { userId }, to: [me] });
      });
    },

    async unblockUser(me, userId) {
      await deps.transactor(async (trx, emit) => {
        if (!(await repo.deleteBlock(trx, me, userId))) throw notFound('Block');
        emit({ type: 'block.removed', data: { userId }, to: [me] });
      });
    },

    async listBlocks(me, page) {
      const limit = page.limit ?? 50;
      const rows = await repo.listBlocks(db, me, page.cursor ? decodeTimeCursor(page.cursor) : undefined, limit + 1);
      const { items, nextCursor } = pageOf(rows, limit, (last) => encodeTimeCursor(new Date(last.createdAt), last.blockedId));
      const users = await deps.users.getPublicUsers(
        me,
        items.map((r) => r.blockedId),
      );
      const blocks = items.flatMap((r) => {
        const user = users.get(r.blockedId);
        return user ? [{ user, createdAt: new Date(r.createdAt).toISOString() }] : [];
      });
      return { blocks, nextCursor };
    },

    async deletionHook(trx, emit, userId) {
      for (const friendId of await repo.deleteFriendshipsOf(trx, userId)) {
        emit({ type: 'friend.removed', data: { userId }, to: [friendId] });
      }
      for (const row of await repo.pendingInvolving(trx, userId)) await cancelInTransaction(deps, trx, emit, row);
    },
  };
}

import type { Db } from '../../db/database.js';
import { sql } from 'kysely';
import type { FriendRequestRow, FriendRequestStatus } from '../../db/schema.js';

/** Serializes friend operations between the same people (ascending id order: no deadlocks). */
export async function lockUsers(db: Db, ids: readonly string[]): Promise<void> {
  const sorted = [...new Set(ids)].sort();
  await sql`SELECT id FROM users WHERE id = ANY(${sorted}::uuid[]) ORDER BY id FOR NO KEY UPDATE`.execute(db);
}

export async function areFriends(db: Db, a: string, b: string): Promise<boolean> {
  const row = await db
    .selectFrom('friendships')
    .select('userId')
    .where('userId', '=', a)
    .where('friendId', '=', b)
    .executeTakeFirst();
  return row !== undefined;
}

/** Friends with no block between them, in one round trip (the send path asks it per message). */
export async function mayMessage(db: Db, a: string, b: string): Promise<boolean> {
  const { rows } = await sql<{ ok: boolean }>`
    SELECT EXISTS (SELECT 1 FROM friendships WHERE user_id = ${a} AND friend_id = ${b})
       AND NOT EXISTS (
         SELECT 1 FROM blocks
         WHERE (blocker_id = ${a} AND blocked_id = ${b}) OR (blocker_id = ${b} AND blocked_id = ${a})
       ) AS ok`.execute(db);
  return rows[0]?.ok === true;
}

/** `mayMessage` for many (sender, recipient) pairs in one statement: one answer per pair, in order. */
export async function mayMessageMany(db: Db, pairs: readonly { from: string; to: string }[]): Promise<boolean[]> {
  if (pairs.length === 0) return [];
  const { rows } = await sql<{ i: string; ok: boolean }>`
    SELECT p.i,
           EXISTS (SELECT 1 FROM friendships WHERE user_id = p.a AND friend_id = p.b)
       AND NOT EXISTS (
         SELECT 1 FROM blocks
         WHERE (blocker_id = p.a AND blocked_id = p.b) OR (blocker_id = p.b AND blocked_id = p.a)
       ) AS ok
    FROM unnest(${pairs.map((p) => p.from)}::uuid[], ${pairs.map((p) => p.to)}::uuid[]) WITH ORDINALITY AS p(a, b, i)`.execute(
    db,
  );
  const ok = new Map(rows.map((r) => [Number(r.i), r.ok === true]));
  return pairs.map((_, index) => ok.get(index + 1) === true);
}

export async function friendIds(db: Db, userId: string): Promise<string[]> {
  const rows = await db.selectFrom('friendships').select('friendId').where('userId', '=', userId).execute();
  return rows.map((r) => r.friendId);
}

export async function friendsAmong(db: Db, userId: string, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .selectFrom('friendships')
    .select('friendId')
    .where('userId', '=', userId)
    .where('friendId', 'in', [...new Set(ids)])
    .execute();
  return new Set(rows.map((r) => r.friendId));
}

export async function insertFriendship(db: Db, a: string, b: string): Promise<void> {
  const now = new Date();
  await db
    .insertInto('friendships')
    .values([
      { userId: a, friendId: b, createdAt: now },
      { userId: b, friendId: a, createdAt: now },
    ])
    .onConflict((oc) => oc.doNothing())
    .execute();
}

/** Ends a friendship (both rows); false when there was none. */
export async function deleteFriendship(db: Db, a: string, b: string): Promise<boolean> {
  const result = await db
    .deleteFrom('friendships')
    .where((eb) =>
      eb.or([eb.and([eb('userId', '=', a), eb('friendId', '=', b)]), eb.and([eb('userId', '=', b), eb('friendId', '=', a)])]),
    )
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** Every friendship of a user ended; returns the former friends. */
export async function deleteFriendshipsOf(db: Db, userId: string): Promise<string[]> {
  const rows = await db.deleteFrom('friendships').where('userId', '=', userId).returning('friendId').execute();
  await db.deleteFrom('friendships').where('friendId', '=', userId).execute();
  return rows.map((r) => r.friendId);
}

export async function listFriends(
  db: Db,
  userId: string,
  after: { at: Date; id: string } | undefined,
  limit: number,
): Promise<{ friendId: string; createdAt: Date }[]> {
  let query = db.selectFrom('friendships').select(['friendId', 'createdAt']).where('userId', '=', userId);
  if (after) {
    query = query.where((eb) =>
      eb.or([eb('createdAt', '<', after.at), eb.and([eb('createdAt', '=', after.at), eb('friendId', '<', after.id)])]),
    );
  }
  return query.orderBy('createdAt', 'desc').orderBy('friendId', 'desc').limit(limit).execute();
}

export async function findRequest(db: Db, id: string): Promise<FriendRequestRow | undefined> {
  return db.selectFrom('friendRequests').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findPending(db: Db, fromUserId: string, toUserId: string): Promise<FriendRequestRow | undefined> {
  return db
    .selectFrom('friendRequests')
    .selectAll()
    .where('fromUserId', '=', fromUserId)
    .where('toUserId', '=', toUserId)
    .where('status', '=', 'pending')
    .executeTakeFirst();
}

export async function insertRequest(
  db: Db,
  row: { id: string; fromUserId: string; toUserId: string; hidden: boolean },
): Promise<FriendRequestRow> {
  const now = new Date();
  return db
    .insertInto('friendRequests')
    .values({ ...row, status: 'pending', createdAt: now, updatedAt: now })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Moves a pending request to its final status; undefined when it was no longer pending. */
export async function settleRequest(db: Db, id: string, status: FriendRequestStatus): Promise<FriendRequestRow | undefined> {
  return db
    .updateTable('friendRequests')
    .set({ status, updatedAt: new Date() })
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .returningAll()
    .executeTakeFirst();
}

/** Pending requests in either direction between two users, or involving one user. */
export async function pendingInvolving(db: Db, a: string, b?: string): Promise<FriendRequestRow[]> {
  let query = db.selectFrom('friendRequests').selectAll().where('status', '=', 'pending');
  query = b
    ? query.where((eb) =>
        eb.or([
          eb.and([eb('fromUserId', '=', a), eb('toUserId', '=', b)]),
          eb.and([eb('fromUserId', '=', b), eb('toUserId', '=', a)]),
        ]),
      )
    : query.where((eb) => eb.or([eb('fromUserId', '=', a), eb('toUserId', '=', a)]));
  return query.execute();
}

export async function hideRequest(db: Db, id: string): Promise<void> {
  await db.updateTable('friendRequests').set({ hidden: true }).where('id', '=', id).execute();
}

export async function listPending(db: Db, userId: string, direction: 'incoming' | 'outgoing'): Promise<FriendRequestRow[]> {
  let query = db.selectFrom('friendRequests').selectAll().where('status', '=', 'pending');
  query =
    direction === 'incoming'
      ? query.where('toUserId', '=', userId).where('hidden', '=', false)
      : query.where('fromUserId', '=', userId);
  return query.orderBy('createdAt', 'desc').orderBy('id', 'desc').limit(500).execute();
}

export async function isBlocked(db: Db, blockerId: string, blockedId: string): Promise<boolean> {
  const row = await db
    .selectFrom('blocks')
    .select('blockerId')
    .where('blockerId', '=', blockerId)
    .where('blockedId', '=', blockedId)
    .executeTakeFirst();
  return row !== undefined;
}

/** True when a new block was written (false when it existed). */
export async function insertBlock(db: Db, blockerId: string, blockedId: string): Promise<boolean> {
  const rows = await db
    .insertInto('blocks')
    .values({ blockerId, blockedId, createdAt: new Date() })
    .onConflict((oc) => oc.doNothing())
    .returning('blockerId')
    .execute();
  return rows.length > 0;
}

export async function deleteBlock(db: Db, blockerId: string, blockedId: string): Promise<boolean> {
  const result = await db
    .deleteFrom('blocks')
    .where('blockerId', '=', blockerId)
    .where('blockedId', '=', blockedId)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

export async function listBlocks(
  db: Db,
  blockerId: string,
  after: { at: Date; id: string } | undefined,
  limit: number,
): Promise<{ blockedId: string; createdAt: Date }[]> {
  let query = db.selectFrom('blocks').select(['blockedId', 'createdAt']).where('blockerId', '=', blockerId);
  if (after) {
    query = query.where((eb) =>
      eb.or([eb('createdAt', '<', after.at), eb.and([eb('createdAt', '=', after.at), eb('blockedId', '<', after.id)])]),
    );
  }
  return query.orderBy('createdAt', 'desc').orderBy('blockedId', 'desc').limit(limit).execute();
}

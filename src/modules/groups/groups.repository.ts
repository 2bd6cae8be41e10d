import type { Db } from '../../db/database.js';
import type { Selectable } from 'kysely';
import type { GroupRow, GroupsTable, MemberRole } from '../../db/schema.js';

export interface MemberRow {
  userId: string;
  role: MemberRole;
  joinedAt: Date;
}

/** A group row with the viewer's role, for presenting. */
export interface GroupWithRole extends GroupRow {
  myRole: MemberRole;
}

export type GroupChanges = Partial<
  Pick<Selectable<GroupsTable>, 'name' | 'description' | 'avatarFileId' | 'ownerId' | 'deletedAt'>
>;

export async function insertGroupConversation(
  trx: Db,
  group: { id: string; conversationId: string; name: string; description: string; avatarFileId: string | null; ownerId: string },
): Promise<GroupRow> {
  await trx.insertInto('conversations').values({ id: group.conversationId, type: 'group', updatedAt: new Date() }).execute();
  return trx
    .insertInto('groups')
    .values({ ...group, memberCount: 0, updatedAt: new Date() })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Adds members and keeps `member_count` in step; returns the group as updated. */
export async function insertMembers(
  trx: Db,
  group: GroupRow,
  members: readonly { userId: string; role: MemberRole }[],
  // Written from the clock here (millisecond precision) so `(joinedAt, userId)` cursors compare exactly.
  now = new Date(),
): Promise<GroupRow> {
  if (members.length > 0) {
    await trx
      .insertInto('conversationMembers')
      .values(
        members.map((m) => ({
          conversationId: group.conversationId,
          userId: m.userId,
          role: m.role,
          joinedAt: now,
          activityAt: now,
        })),
      )
      .execute();
  }
  return adjustMemberCount(trx, group.id, members.length);
}

export async function deleteMember(trx: Db, group: GroupRow, userId: string): Promise<GroupRow> {
  await trx
    .deleteFrom('conversationMembers')
    .where('conversationId', '=', group.conversationId)
    .where('userId', '=', userId)
    .execute();
  return adjustMemberCount(trx, group.id, -1);
}

async function adjustMemberCount(trx: Db, groupId: string, delta: number): Promise<GroupRow> {
  return trx
    .updateTable('groups')
    .set((eb) => ({ memberCount: eb('memberCount', '+', delta), updatedAt: new Date() }))
    .where('id', '=', groupId)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function updateGroup(trx: Db, groupId: string, changes: GroupChanges): Promise<GroupRow> {
  return trx
    .updateTable('groups')
    .set({ ...changes, updatedAt: new Date() })
    .where('id', '=', groupId)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function setMemberRole(trx: Db, conversationId: string, userId: string, role: MemberRole): Promise<void> {
  await trx
    .updateTable('conversationMembers')
    .set({ role })
    .where('conversationId', '=', conversationId)
    .where('userId', '=', userId)
    .execute();
}

/** The live group, locked until the transaction ends so member changes apply one at a time. */
export async function lockGroup(trx: Db, groupId: string): Promise<GroupRow | undefined> {
  return trx
    .selectFrom('groups')
    .selectAll()
    .where('id', '=', groupId)
    .where('deletedAt', 'is', null)
    .forUpdate()
    .executeTakeFirst();
}

/** Every current member, longest-standing first (the order ownership passes in). */
export async function listAllMembers(db: Db, conversationId: string): Promise<MemberRow[]> {
  const rows = await db
    .selectFrom('conversationMembers')
    .select(['userId', 'role', 'joinedAt'])
    .where('conversationId', '=', conversationId)
    .orderBy('joinedAt')
    .orderBy('userId')
    .execute();
  return rows.map((r) => ({ userId: r.userId, role: r.role ?? 'member', joinedAt: r.joinedAt }));
}

/** A page of members in joining order, after the `(joinedAt, userId)` cursor. */
export async function listMembersPage(
  db: Db,
  conversationId: string,
  after: { at: Date; id: string } | undefined,
  limit: number,
): Promise<MemberRow[]> {
  let query = db
    .selectFrom('conversationMembers')
    .select(['userId', 'role', 'joinedAt'])
    .where('conversationId', '=', conversationId);
  if (after) {
    query = query.where((eb) =>
      eb.or([eb('joinedAt', '>', after.at), eb.and([eb('joinedAt', '=', after.at), eb('userId', '>', after.id)])]),
    );
  }
  const rows = await query.orderBy('joinedAt').orderBy('userId').limit(limit).execute();
  return rows.map((r) => ({ userId: r.userId, role: r.role ?? 'member', joinedAt: r.joinedAt }));
}

function groupsOfViewer(db: Db, viewerId: string) {
  return db
    .selectFrom('groups as g')
    .innerJoin('conversationMembers as m', (join) =>
      join.onRef('m.conversationId', '=', 'g.conversationId').on('m.userId', '=', viewerId),
    )
    .selectAll('g')
    .select('m.role as myRole')
    .where('g.deletedAt', 'is', null);
}

function withRole(row: GroupRow & { myRole: MemberRole | null }): GroupWithRole {
  return { ...row, myRole: row.myRole ?? 'member' };
}

/** The viewer's groups among `groupIds` (one query, whatever the number of ids). */
export async function findGroupsForViewer(db: Db, viewerId: string, groupIds: readonly string[]): Promise<GroupWithRole[]> {
  if (groupIds.length === 0) return [];
  const rows = await groupsOfViewer(db, viewerId)
    .where('g.id', 'in', [...new Set(groupIds)])
    .execute();
  return rows.map(withRole);
}

/** A page of the viewer's groups, most recently updated first, after the `(updatedAt, id)` cursor. */
export async function listGroupsPage(
  db: Db,
  viewerId: string,
  after: { at: Date; id: string } | undefined,
  limit: number,
): Promise<GroupWithRole[]> {
  let query = groupsOfViewer(db, viewerId);
  if (after) {
    query = query.where((eb) =>
      eb.or([eb('g.updatedAt', '<', after.at), eb.and([eb('g.updatedAt', '=', after.at), eb('g.id', '<', after.id)])]),
    );
  }
  const rows = await query.orderBy('g.updatedAt', 'desc').orderBy('g.id', 'desc').limit(limit).execute();
  return rows.map(withRole);
}

/** Ids of the live groups `userId` belongs to, for account deletion. */
export async function groupIdsOfUser(db: Db, userId: string): Promise<string[]> {
  const rows = await groupsOfViewer(db, userId).select('g.id as groupId').orderBy('g.id').execute();
  return rows.map((r) => r.groupId);
}

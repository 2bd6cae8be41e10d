import type { Db } from '../../db/database.js';
import type { GroupRow } from '../../db/schema.js';
import type { Trx } from '../../events/transactor.js';
import { decodeTimeCursor, encodeTimeCursor, pageOf } from '../../lib/cursor.js';
import { AppError, notFound } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import type { PageQuery } from '../../lib/schemas.js';
import type { FileDto } from '../files/files.schemas.js';
import type { SystemMessageData } from '../messages/messages.schemas.js';
import type { GroupsPort } from '../ports.js';
import { broadcast, openChange, requireManager, loadGroupView } from './group-changes.js';
import type { GroupsDeps } from './groups.deps.js';
import { toGroupDto, toGroupView, toMemberDto } from './groups.presenter.js';
import {
  findGroupsForViewer,
  insertGroupConversation,
  insertMembers,
  listGroupsPage,
  listMembersPage,
  updateGroup as updateGroupRow,
  type GroupChanges,
  type GroupWithRole,
} from './groups.repository.js';
import type { CreateGroupBody, GroupDto, GroupPage, GroupRole, MemberPage, UpdateGroupBody } from './groups.schemas.js';

/** Groups with their pictures, presented with one files query whatever their number. */
async function present(deps: GroupsDeps, rows: readonly GroupWithRole[], executor: Db): Promise<GroupDto[]> {
  const avatarIds = rows.flatMap((r) => (r.avatarFileId ? [r.avatarFileId] : []));
  const avatars = avatarIds.length > 0 ? await deps.files.presentFiles(avatarIds, executor) : new Map<string, FileDto>();
  return rows.map((r) => toGroupDto(toGroupView(r, (r.avatarFileId && avatars.get(r.avatarFileId)) || null), r.myRole));
}

/** The `GroupsPort` other modules use: membership checks and batched presentation. */
export function createGroupsPort(deps: GroupsDeps): GroupsPort {
  return {
    async membershipOf(userId, groupId, executor = deps.db) {
      const [row] = await findGroupsForViewer(executor, userId, [groupId]);
      if (!row) throw notFound('Group');
      return { conversationId: row.conversationId, role: row.myRole, memberCount: row.memberCount };
    },
    async presentGroups(viewerId, groupIds, executor = deps.db) {
      const rows = await findGroupsForViewer(executor, viewerId, groupIds);
      const dtos = await present(deps, rows, executor);
      return new Map(dtos.map((g) => [g.id, g]));
    },
  };
}

/** The conversation, the group row and its members; the creator joins first, as owner. */
async function insertNewGroup(
  trx: Trx,
  actorId: string,
  memberIds: readonly string[],
  body: CreateGroupBody,
): Promise<{ group: GroupRow; members: { userId: string; role: GroupRole }[] }> {
  const created = await insertGroupConversation(trx, {
    id: newId(),
    conversationId: newId(),
    name: body.name,
    description: body.description ?? '',
    avatarFileId: body.avatarFileId ?? null,
    ownerId: actorId,
  });
  const owner = { userId: actorId, role: 'owner' as const };
  const added = memberIds.map((userId) => ({ userId, role: 'member' as const }));
  // A millisecond ahead of the others, so the creator is the longest-standing member.
  const at = Date.now();
  await insertMembers(trx, created, [owner], new Date(at - 1));
  const group = await insertMembers(trx, created, added, new Date(at));
  return { group, members: [owner, ...added] };
}

/** Group creation: 10 an hour per user (each may notify up to MAX_GROUP_MEMBERS − 1 people). */
export const CREATE_GROUP_RULE = { burst: 10, perSecond: 10 / 3600 };

/**
 * Creates a group owned by `actorId` with `memberIds` (who must all be the creator's friends):
 * `group.created` to every member, a system message `group_created` and a `group_added`
 * notification to each added member.
 */
export async function createGroup(deps: GroupsDeps, actorId: string, body: CreateGroupBody): Promise<GroupDto> {
  await deps.limiter.consume(`create-group:${actorId}`, CREATE_GROUP_RULE);
  // Ids are compared as text below: UUIDs may arrive in upper case.
  const memberIds = [...new Set(body.memberIds.map((id) => id.toLowerCase()))].filter((id) => id !== actorId);
  if (memberIds.length + 1 > deps.maxMembers) throw new AppError('group_full', `A group has at most ${deps.maxMembers} members`);
  const name = body.name.trim();
  return deps.transactor(async (trx, emit) => {
    const friends = await deps.social.friendsAmong(actorId, memberIds, trx);
    if (friends.size !== memberIds.length) throw new AppError('not_friends', 'Every member must be one of your friends');
    if (body.avatarFileId) await deps.files.assertOwnImage(actorId, body.avatarFileId, trx);
    const { group, members } = await insertNewGroup(trx, actorId, memberIds, { ...body, name });
    const view = await loadGroupView(deps.files, trx, group);
    broadcast(emit, 'group.created', view, members);
    const ref = { conversationId: group.conversationId, groupId: group.id };
    await deps.systemMessages.write(trx, emit, { ...ref, actorId, data: { kind: 'group_created', name } });
    for (const userId of memberIds) {
      const notification = { userId, type: 'group_added' as const, actorId, data: { ...ref, name } };
      await deps.notifications.notify(trx, emit, { ...notification, conversationId: group.conversationId });
    }
    return toGroupDto(view, 'owner');
  });
}

/** The groups `viewerId` belongs to, most recently updated first. */
export async function listGroups(deps: GroupsDeps, viewerId: string, query: PageQuery): Promise<GroupPage> {
  const limit = query.limit ?? 50;
  const after = query.cursor ? decodeTimeCursor(query.cursor) : undefined;
  const rows = await listGroupsPage(deps.db, viewerId, after, limit + 1);
  const page = pageOf(rows, limit, (last) => encodeTimeCursor(last.updatedAt, last.id));
  return { groups: await present(deps, page.items, deps.db), nextCursor: page.nextCursor };
}

/** One group, for members only (`not_found` for everyone else). */
export async function getGroup(deps: GroupsDeps, viewerId: string, groupId: string): Promise<GroupDto> {
  const [row] = await findGroupsForViewer(deps.db, viewerId, [groupId]);
  if (!row) throw notFound('Group');
  const [group] = await present(deps, [row], deps.db);
  return group!;
}

/** The members of a group the viewer belongs to, longest-standing first. */
export async function listMembers(deps: GroupsDeps, viewerId: string, groupId: string, query: PageQuery): Promise<MemberPage> {
  const [group] = await findGroupsForViewer(deps.db, viewerId, [groupId]);
  if (!group) throw notFound('Group');
  const limit = query.limit ?? 50;
  const after = query.cursor ? decodeTimeCursor(query.cursor) : undefined;
  const rows = await listMembersPage(deps.db, group.conversationId, after, limit + 1);
  const page = pageOf(rows, limit, (last) => encodeTimeCursor(last.joinedAt, last.userId));
  const people = await deps.users.getPublicUsers(
    viewerId,
    page.items.map((m) => m.userId),
  );
  const members = page.items.flatMap((m) => {
    const user = people.get(m.userId);
    return user ? [toMemberDto(user, m.role, m.joinedAt)] : [];
  });
  return { members, nextCursor: page.nextCursor };
}

/**
 * Renames the group, changes its description or picture (owner/admin). Each actual change
 * writes its system message; `group.updated` goes to every member. Nothing changed, nothing sent.
 */
export async function updateGroup(deps: GroupsDeps, actorId: string, groupId: string, body: UpdateGroupBody): Promise<GroupDto> {
  return deps.transactor(async (trx, emit) => {
    const ctx = await openChange(trx, groupId, actorId);
    requireManager(ctx.actor);
    const { changes, notes } = diffGroup(ctx.group, body);
    if (changes.avatarFileId) await deps.files.assertOwnImage(actorId, changes.avatarFileId, trx);
    if (notes.length === 0) return toGroupDto(await loadGroupView(deps.files, trx, ctx.group), ctx.actor.role);
    const group = await updateGroupRow(trx, ctx.group.id, changes);
    const view = await loadGroupView(deps.files, trx, group);
    broadcast(emit, 'group.updated', view, ctx.members);
    for (const data of notes) {
      await deps.systemMessages.write(trx, emit, { conversationId: group.conversationId, groupId: group.id, actorId, data });
    }
    return toGroupDto(view, ctx.actor.role);
  });
}

/** What an update actually changes, and the system message of each change. */
function diffGroup(
  group: { name: string; description: string; avatarFileId: string | null },
  body: UpdateGroupBody,
): { changes: GroupChanges; notes: SystemMessageData[] } {
  const changes: GroupChanges = {};
  const notes: SystemMessageData[] = [];
  const name = body.name?.trim();
  if (name !== undefined && name !== group.name) {
    changes.name = name;
    notes.push({ kind: 'group_renamed', name, previousName: group.name });
  }
  if (body.description !== undefined && body.description !== group.description) {
    changes.description = body.description;
    notes.push({ kind: 'group_description_changed' });
  }
  if (body.avatarFileId !== undefined && body.avatarFileId !== group.avatarFileId) {
    changes.avatarFileId = body.avatarFileId;
    notes.push({ kind: 'group_picture_changed' });
  }
  return { changes, notes };
}

/** The group operations bound to their dependencies, for the routes. */
export function createGroupsService(deps: GroupsDeps) {
  return {
    createGroup: (actorId: string, body: CreateGroupBody) => createGroup(deps, actorId, body),
    listGroups: (viewerId: string, query: PageQuery) => listGroups(deps, viewerId, query),
    getGroup: (viewerId: string, groupId: string) => getGroup(deps, viewerId, groupId),
    listMembers: (viewerId: string, groupId: string, query: PageQuery) => listMembers(deps, viewerId, groupId, query),
    updateGroup: (actorId: string, groupId: string, body: UpdateGroupBody) => updateGroup(deps, actorId, groupId, body),
  };
}
export type GroupsService = ReturnType<typeof createGroupsService>;

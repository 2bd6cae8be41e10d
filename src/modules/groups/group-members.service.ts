import type { Emit, Trx } from '../../events/transactor.js';
import { AppError, notFound } from '../../lib/errors.js';
import type { AccountDeletionHook } from '../ports.js';
import {
  broadcast,
  openChange,
  requireManager,
  requireOwner,
  loadGroupView,
  withRoles,
  type ChangeContext,
} from './group-changes.js';
import type { GroupsDeps } from './groups.deps.js';
import { toGroupDto } from './groups.presenter.js';
import { deleteMember, groupIdsOfUser, insertMembers, setMemberRole, updateGroup } from './groups.repository.js';
import type { GroupDto, GroupRole } from './groups.schemas.js';

/**
 * `ctx.actor` leaves: ownership passes to the longest-standing admin, else member; the last
 * member leaving archives the group. Events go to the remaining members and the one leaving.
 */
async function depart(deps: GroupsDeps, trx: Trx, emit: Emit, ctx: ChangeContext): Promise<void> {
  const { actor } = ctx;
  const ref = { conversationId: ctx.group.conversationId, groupId: ctx.group.id };
  const remaining = ctx.members.filter((m) => m.userId !== actor.userId);
  let group = await deleteMember(trx, ctx.group, actor.userId);
  const successor = actor.role === 'owner' ? (remaining.find((m) => m.role === 'admin') ?? remaining[0]) : undefined;
  if (remaining.length === 0) group = await updateGroup(trx, group.id, { deletedAt: new Date(), ownerId: null });
  else if (successor) {
    await setMemberRole(trx, group.conversationId, successor.userId, 'owner');
    group = await updateGroup(trx, group.id, { ownerId: successor.userId });
  }
  const view = await loadGroupView(deps.files, trx, group);
  const after = successor ? withRoles(remaining, new Map([[successor.userId, 'owner']])) : remaining;
  broadcast(emit, 'group.member_removed', view, [...after, actor], { userId: actor.userId });
  if (successor) broadcast(emit, 'group.updated', view, after, { userId: successor.userId, role: 'owner' });
  const left = { kind: 'member_left', userId: actor.userId } as const;
  await deps.systemMessages.write(trx, emit, { ...ref, actorId: actor.userId, data: left, alsoNotify: [actor.userId] });
  if (successor) {
    const handedOver = { kind: 'role_changed', userId: successor.userId, role: 'owner' } as const;
    await deps.systemMessages.write(trx, emit, { ...ref, actorId: null, data: handedOver });
  }
}

/** The actor leaves the group (see `depart` for ownership and archiving). */
export async function leaveGroup(deps: GroupsDeps, actorId: string, groupId: string): Promise<void> {
  await deps.transactor(async (trx, emit) => depart(deps, trx, emit, await openChange(trx, groupId, actorId)));
}

/** For the account deletion transaction: the user leaves every group by the same rules. */
export function accountDeletionHook(deps: GroupsDeps): AccountDeletionHook {
  return async (trx, emit, userId) => {
    for (const groupId of await groupIdsOfUser(trx, userId))
      await depart(deps, trx, emit, await openChange(trx, groupId, userId));
  };
}

/**
 * Adds a friend of the actor (owner/admin) as a member: `group.member_added` to every member
 * including the new one, a system message and a `group_added` notification.
 */
export async function addMember(deps: GroupsDeps, actorId: string, groupId: string, userId: string): Promise<GroupDto> {
  return deps.transactor(async (trx, emit) => {
    const ctx = await openChange(trx, groupId, actorId);
    requireManager(ctx.actor);
    if (ctx.members.some((m) => m.userId === userId)) throw new AppError('already_member', 'Already a member of this group');
    if (!(await deps.social.areFriends(actorId, userId, trx))) throw new AppError('not_friends', 'You can only add your friends');
    if (ctx.members.length >= deps.maxMembers) throw new AppError('group_full', `A group has at most ${deps.maxMembers} members`);
    const group = await insertMembers(trx, ctx.group, [{ userId, role: 'member' }]);
    const view = await loadGroupView(deps.files, trx, group);
    const recipients = [...ctx.members, { userId, role: 'member' as const }];
    broadcast(emit, 'group.member_added', view, recipients, { userId, role: 'member' });
    const ref = { conversationId: group.conversationId, groupId: group.id };
    await deps.systemMessages.write(trx, emit, { ...ref, actorId, data: { kind: 'member_added', userId } });
    const notification = { userId, type: 'group_added' as const, actorId, data: { ...ref, name: group.name } };
    await deps.notifications.notify(trx, emit, { ...notification, conversationId: group.conversationId });
    return toGroupDto(view, ctx.actor.role);
  });
}

/**
 * Removes a member: the owner removes anyone else, admins remove members only. The removed user
 * gets `group.member_removed` and the system message, then loses access.
 */
export async function removeMember(deps: GroupsDeps, actorId: string, groupId: string, userId: string): Promise<GroupDto> {
  if (userId === actorId) throw new AppError('bad_request', 'To leave a group use POST /groups/{groupId}/leave');
  return deps.transactor(async (trx, emit) => {
    const ctx = await openChange(trx, groupId, actorId);
    requireManager(ctx.actor);
    const target = ctx.members.find((m) => m.userId === userId);
    if (!target) throw notFound('Member');
    if (target.role === 'owner' || (ctx.actor.role === 'admin' && target.role === 'admin')) {
      throw new AppError('forbidden', 'Admins can remove members only');
    }
    const group = await deleteMember(trx, ctx.group, userId);
    const view = await loadGroupView(deps.files, trx, group);
    broadcast(emit, 'group.member_removed', view, ctx.members, { userId });
    const ref = { conversationId: group.conversationId, groupId: group.id };
    await deps.systemMessages.write(trx, emit, {
      ...ref,
      actorId,
      data: { kind: 'member_removed', userId },
      alsoNotify: [userId],
    });
    return toGroupDto(view, ctx.actor.role);
  });
}

/**
 * Owner only: makes a member admin or member, or (`owner`) transfers ownership, the old owner
 * becoming admin. Each change writes `role_changed` and sends `group.updated` `{ group, userId, role }`.
 */
export async function changeRole(
  deps: GroupsDeps,
  actorId: string,
  groupId: string,
  userId: string,
  role: GroupRole,
): Promise<GroupDto> {
  return deps.transactor(async (trx, emit) => {
    const ctx = await openChange(trx, groupId, actorId);
    requireOwner(ctx.actor);
    if (userId === actorId)
      throw new AppError('bad_request', 'The owner changes role by transferring ownership to another member');
    const target = ctx.members.find((m) => m.userId === userId);
    if (!target) throw notFound('Member');
    if (target.role === role) return toGroupDto(await loadGroupView(deps.files, trx, ctx.group), 'owner');
    const changes = new Map<string, GroupRole>([[userId, role]]);
    if (role === 'owner') changes.set(actorId, 'admin');
    for (const [id, newRole] of changes) await setMemberRole(trx, ctx.group.conversationId, id, newRole);
    const group = await updateGroup(trx, ctx.group.id, role === 'owner' ? { ownerId: userId } : {});
    const view = await loadGroupView(deps.files, trx, group);
    const members = withRoles(ctx.members, changes);
    const ref = { conversationId: group.conversationId, groupId: group.id };
    for (const [id, newRole] of changes) {
      broadcast(emit, 'group.updated', view, members, { userId: id, role: newRole });
      await deps.systemMessages.write(trx, emit, { ...ref, actorId, data: { kind: 'role_changed', userId: id, role: newRole } });
    }
    return toGroupDto(view, changes.get(actorId) ?? 'owner');
  });
}

/**
 * The membership operations bound to their dependencies, for the routes. Target ids are compared
 * with stored ones as text, so they are lower-cased first (UUIDs may arrive in upper case).
 */
export function createGroupMembersService(deps: GroupsDeps) {
  return {
    addMember: (actorId: string, groupId: string, userId: string) => addMember(deps, actorId, groupId, userId.toLowerCase()),
    removeMember: (actorId: string, groupId: string, userId: string) =>
      removeMember(deps, actorId, groupId, userId.toLowerCase()),
    leaveGroup: (actorId: string, groupId: string) => leaveGroup(deps, actorId, groupId),
    changeRole: (actorId: string, groupId: string, userId: string, role: GroupRole) =>
      changeRole(deps, actorId, groupId, userId.toLowerCase(), role),
  };
}
export type GroupMembersService = ReturnType<typeof createGroupMembersService>;

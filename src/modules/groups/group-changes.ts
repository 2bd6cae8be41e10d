import type { Db } from '../../db/database.js';
import type { GroupRow } from '../../db/schema.js';
import type { DurableEventType } from '../../events/catalog.js';
import type { Emit, Trx } from '../../events/transactor.js';
import { AppError, notFound } from '../../lib/errors.js';
import type { FilesPort } from '../ports.js';
import { toGroupDto, toGroupView, type GroupView } from './groups.presenter.js';
import { listAllMembers, lockGroup, type MemberRow } from './groups.repository.js';
import type { GroupRole } from './groups.schemas.js';

/** A group locked for a change, its members (longest-standing first) and the acting member. */
export interface ChangeContext {
  group: GroupRow;
  members: MemberRow[];
  actor: MemberRow;
}

/** Locks the live group and loads its members; `not_found` unless `actorId` is one of them. */
export async function openChange(trx: Trx, groupId: string, actorId: string): Promise<ChangeContext> {
  const group = await lockGroup(trx, groupId);
  if (!group) throw notFound('Group');
  const members = await listAllMembers(trx, group.conversationId);
  const actor = members.find((m) => m.userId === actorId);
  if (!actor) throw notFound('Group');
  return { group, members, actor };
}

export function requireManager(actor: MemberRow): void {
  if (actor.role === 'member') throw new AppError('forbidden', 'Only the owner and admins can manage this group');
}

export function requireOwner(actor: MemberRow): void {
  if (actor.role !== 'owner') throw new AppError('forbidden', 'Only the owner can change roles');
}

/** The group as everyone sees it, with a freshly signed picture URL. */
export async function loadGroupView(files: FilesPort, executor: Db, row: GroupRow): Promise<GroupView> {
  if (!row.avatarFileId) return toGroupView(row, null);
  const avatars = await files.presentFiles([row.avatarFileId], executor);
  return toGroupView(row, avatars.get(row.avatarFileId) ?? null);
}

/** Members with some roles replaced (after a role change or hand-over). */
export function withRoles(members: readonly MemberRow[], roles: ReadonlyMap<string, GroupRole>): MemberRow[] {
  return members.map((m) => ({ ...m, role: roles.get(m.userId) ?? m.role }));
}

/**
 * Emits a group event to `recipients`: one event per role, so that each recipient's `group.myRole`
 * is their own (a removed member gets the role they held).
 */
export function broadcast(
  emit: Emit,
  type: Extract<DurableEventType, `group.${string}`>,
  view: GroupView,
  recipients: readonly { userId: string; role: GroupRole }[],
  extra: { userId?: string; role?: GroupRole } = {},
): void {
  const byRole = new Map<GroupRole, string[]>();
  for (const r of recipients) {
    const ids = byRole.get(r.role);
    if (ids) ids.push(r.userId);
    else byRole.set(r.role, [r.userId]);
  }
  for (const [role, to] of byRole) emit({ type, to, data: { group: toGroupDto(view, role), ...extra } });
}

import type { GroupRow } from '../../db/schema.js';
import type { FileDto } from '../files/files.schemas.js';
import type { PublicUserDto } from '../users/users.schemas.js';
import type { GroupDto, GroupRole, MemberDto } from './groups.schemas.js';

/** A group as everyone sees it; `myRole` is added per viewer. */
export type GroupView = Omit<GroupDto, 'myRole'>;

export function toGroupView(row: GroupRow, avatar: FileDto | null): GroupView {
  return {
    id: row.id,
    conversationId: row.conversationId,
    name: row.name,
    description: row.description,
    avatar,
    ownerId: row.ownerId,
    memberCount: row.memberCount,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function toGroupDto(view: GroupView, myRole: GroupRole): GroupDto {
  return { ...view, myRole };
}

export function toMemberDto(user: PublicUserDto, role: GroupRole, joinedAt: Date): MemberDto {
  return { user, role, joinedAt: joinedAt.toISOString() };
}

import { Type, type Static } from '@fastify/type-provider-typebox';
import { DateTimeSchema, IdSchema, NextCursorSchema, Nullable, Text } from '../../lib/schemas.js';
import { FileSchema } from '../files/files.schemas.js';
import { PublicUserSchema } from '../users/users.schemas.js';

export const GroupRoleSchema = Type.Union([Type.Literal('owner'), Type.Literal('admin'), Type.Literal('member')], {
  description: 'owner (one per group), admin (manages the group and its members), member',
});
export type GroupRole = Static<typeof GroupRoleSchema>;

export const GroupSchema = Type.Object(
  {
    id: IdSchema,
    conversationId: IdSchema,
    name: Type.String(),
    description: Type.String(),
    avatar: Nullable(FileSchema),
    ownerId: Nullable(IdSchema),
    memberCount: Type.Integer(),
    myRole: GroupRoleSchema,
    createdAt: DateTimeSchema,
    updatedAt: DateTimeSchema,
  },
  { title: 'Group' },
);
export type GroupDto = Static<typeof GroupSchema>;

const GroupNameSchema = Text({
  minLength: 1,
  maxLength: 100,
  // Not only spaces, and no control characters.
  pattern: '^(?=.*\\S)[^\\u0000-\\u001f\\u007f]+$',
  description: 'Shown to every member; 1–100 characters, not only spaces, no control characters',
});
const GroupDescriptionSchema = Text({
  maxLength: 1000,
  description: 'Up to 1000 characters (line breaks allowed); empty for none',
});

export const CreateGroupBodySchema = Type.Object(
  {
    name: GroupNameSchema,
    memberIds: Type.Array(IdSchema, {
      maxItems: 1000,
      description: 'Friends of the creator to add at once; the creator is added as owner',
    }),
    description: Type.Optional(GroupDescriptionSchema),
    avatarFileId: Type.Optional(
      Type.Union([IdSchema, Type.Null()], { description: 'An image you uploaded (`POST /files`); null or absent for none' }),
    ),
  },
  { additionalProperties: false, title: 'CreateGroup' },
);
export type CreateGroupBody = Static<typeof CreateGroupBodySchema>;

export const UpdateGroupBodySchema = Type.Object(
  {
    name: Type.Optional(GroupNameSchema),
    description: Type.Optional(GroupDescriptionSchema),
    avatarFileId: Type.Optional(
      Type.Union([IdSchema, Type.Null()], { description: 'An image you uploaded; null clears the picture' }),
    ),
  },
  { additionalProperties: false, minProperties: 1, title: 'UpdateGroup' },
);
export type UpdateGroupBody = Static<typeof UpdateGroupBodySchema>;

const GroupIdSchema = Type.String({ format: 'uuid', description: 'The group (404 unless you are a member)' });

export const GroupParamsSchema = Type.Object({ groupId: GroupIdSchema }, { additionalProperties: false });
export type GroupParams = Static<typeof GroupParamsSchema>;

export const MemberParamsSchema = Type.Object(
  { groupId: GroupIdSchema, userId: Type.String({ format: 'uuid', description: 'A member of the group' }) },
  { additionalProperties: false },
);
export type MemberParams = Static<typeof MemberParamsSchema>;

export const MemberTargetBodySchema = Type.Object(
  { userId: Type.String({ format: 'uuid', description: 'The user to add or remove' }) },
  { additionalProperties: false, title: 'MemberTarget' },
);
export type MemberTargetBody = Static<typeof MemberTargetBodySchema>;

export const ChangeRoleBodySchema = Type.Object({ role: GroupRoleSchema }, { additionalProperties: false, title: 'ChangeRole' });
export type ChangeRoleBody = Static<typeof ChangeRoleBodySchema>;

export const MemberSchema = Type.Object(
  {
    user: PublicUserSchema,
    role: GroupRoleSchema,
    joinedAt: DateTimeSchema,
  },
  { title: 'Member' },
);
export type MemberDto = Static<typeof MemberSchema>;

export const GroupPageSchema = Type.Object(
  { groups: Type.Array(GroupSchema), nextCursor: NextCursorSchema },
  { title: 'GroupPage' },
);
export type GroupPage = Static<typeof GroupPageSchema>;

export const MemberPageSchema = Type.Object(
  { members: Type.Array(MemberSchema), nextCursor: NextCursorSchema },
  { title: 'MemberPage' },
);
export type MemberPage = Static<typeof MemberPageSchema>;

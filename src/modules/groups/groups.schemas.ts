import { Type, type Static } from '@fastify/type-provider-typebox';
import { DateTimeSchema, IdSchema, Nullable } from '../../lib/schemas.js';
import { FileSchema } from '../files/files.schemas.js';

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

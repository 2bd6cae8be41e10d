import { Type, type Static } from '@fastify/type-provider-typebox';
import { DateTimeSchema, IdSchema, Nullable } from '../../lib/schemas.js';
import { FileSchema } from '../files/files.schemas.js';

export const PublicUserSchema = Type.Object(
  {
    id: IdSchema,
    username: Type.String(),
    displayName: Nullable(Type.String()),
    bio: Nullable(Type.String()),
    avatar: Nullable(FileSchema),
    online: Type.Optional(Type.Boolean({ description: 'Only when the viewer is a friend' })),
    lastSeenAt: Type.Optional(Nullable(DateTimeSchema)),
  },
  { title: 'PublicUser' },
);
export type PublicUserDto = Static<typeof PublicUserSchema>;

export const UserSchema = Type.Object(
  {
    id: IdSchema,
    username: Type.String(),
    email: Type.String(),
    emailVerified: Type.Boolean(),
    displayName: Nullable(Type.String()),
    bio: Nullable(Type.String()),
    avatar: Nullable(FileSchema),
    mfaEnabled: Type.Boolean(),
    createdAt: DateTimeSchema,
  },
  { title: 'User' },
);
export type UserDto = Static<typeof UserSchema>;

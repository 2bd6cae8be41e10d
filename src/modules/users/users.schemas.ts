import { Type, type Static, type TSchema } from '@fastify/type-provider-typebox';
import { CursorSchema, DateTimeSchema, IdSchema, NextCursorSchema, Nullable, Text } from '../../lib/schemas.js';
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

/** 3–32 of `[A-Za-z0-9_.]`, unique case-insensitively. */
export const UsernameSchema = Text({
  minLength: 3,
  maxLength: 32,
  pattern: '^[A-Za-z0-9_.]+$',
  description: '3–32 letters, digits, `_` or `.`; unique regardless of case',
  examples: ['ada_l'],
});

export const PasswordSchema = Text({ minLength: 8, maxLength: 128, description: '8–128 characters' });

/** Null first: with type coercion on, a string branch listed first would turn `null` into "". */
function NullOr<T extends TSchema>(schema: T) {
  return Type.Union([Type.Null(), schema]);
}

export const UpdateProfileSchema = Type.Object(
  {
    displayName: Type.Optional(
      NullOr(Text({ minLength: 1, maxLength: 64, description: 'Shown instead of the username; null clears' })),
    ),
    bio: Type.Optional(NullOr(Text({ maxLength: 500, description: 'Up to 500 characters; null (or "") clears' }))),
    username: Type.Optional(UsernameSchema),
    avatarFileId: Type.Optional(NullOr(Type.String({ format: 'uuid', description: 'An image you uploaded; null clears' }))),
  },
  { additionalProperties: false, title: 'UpdateProfile' },
);
export type UpdateProfile = Static<typeof UpdateProfileSchema>;

export const DeleteProfileSchema = Type.Object(
  { password: Text({ minLength: 1, maxLength: 128, description: 'Your current password' }) },
  { additionalProperties: false, title: 'DeleteProfile' },
);
export type DeleteProfile = Static<typeof DeleteProfileSchema>;

export const UserParamsSchema = Type.Object({ userId: IdSchema }, { additionalProperties: false });

export const SearchUsersQuerySchema = Type.Object(
  {
    query: Text({ minLength: 2, maxLength: 32, description: 'Username prefix, case-insensitive; at least 2 characters' }),
    cursor: Type.Optional(CursorSchema),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 50 })),
  },
  { additionalProperties: false },
);
export type SearchUsersQuery = Static<typeof SearchUsersQuerySchema>;

export const UserPageSchema = Type.Object(
  { users: Type.Array(PublicUserSchema), nextCursor: NextCursorSchema },
  { title: 'UserPage' },
);
export type UserPage = Static<typeof UserPageSchema>;

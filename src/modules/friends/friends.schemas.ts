import { Type, type Static } from '@fastify/type-provider-typebox';
import { DateTimeSchema, IdSchema, NextCursorSchema, Text } from '../../lib/schemas.js';
import { PublicUserSchema } from '../users/users.schemas.js';

export const AddFriendSchema = Type.Object(
  {
    userId: Type.Optional(IdSchema),
    username: Type.Optional(Text({ minLength: 1, maxLength: 64, description: 'Case-insensitive' })),
  },
  { additionalProperties: false, title: 'AddFriend', description: 'Exactly one of `userId` or `username`' },
);
export type AddFriend = Static<typeof AddFriendSchema>;

export const FriendRequestStatusSchema = Type.Union([
  Type.Literal('pending'),
  Type.Literal('accepted'),
  Type.Literal('declined'),
  Type.Literal('cancelled'),
]);

export const FriendRequestSchema = Type.Object(
  {
    id: IdSchema,
    from: PublicUserSchema,
    to: PublicUserSchema,
    status: FriendRequestStatusSchema,
    createdAt: DateTimeSchema,
  },
  { title: 'FriendRequest' },
);
export type FriendRequestDto = Static<typeof FriendRequestSchema>;

export const RequestEnvelopeSchema = Type.Object(
  { request: FriendRequestSchema },
  { title: 'FriendRequestEnvelope', description: 'A new pending request' },
);
export const FriendEnvelopeSchema = Type.Object(
  { friend: PublicUserSchema },
  { title: 'FriendEnvelope', description: 'The new friend, with `online` and `lastSeenAt`' },
);

export const FriendListSchema = Type.Object(
  {
    friends: Type.Array(
      Type.Object({
        user: PublicUserSchema,
        since: Type.String({ format: 'date-time', description: 'When you became friends' }),
      }),
    ),
    nextCursor: NextCursorSchema,
  },
  { title: 'FriendList' },
);
export type FriendList = Static<typeof FriendListSchema>;

export const FriendRequestListSchema = Type.Object(
  {
    incoming: Type.Array(FriendRequestSchema, { description: 'Pending requests to you' }),
    outgoing: Type.Array(FriendRequestSchema, { description: 'Pending requests you sent' }),
  },
  { title: 'FriendRequestList' },
);
export type FriendRequestList = Static<typeof FriendRequestListSchema>;

export const BlockListSchema = Type.Object(
  {
    blocks: Type.Array(Type.Object({ user: PublicUserSchema, createdAt: DateTimeSchema })),
    nextCursor: NextCursorSchema,
  },
  { title: 'BlockList' },
);
export type BlockList = Static<typeof BlockListSchema>;

export const UserIdBodySchema = Type.Object({ userId: IdSchema }, { additionalProperties: false });
export const UserIdParamsSchema = Type.Object({ userId: IdSchema }, { additionalProperties: false });
export const RequestParamsSchema = Type.Object({ requestId: IdSchema }, { additionalProperties: false });

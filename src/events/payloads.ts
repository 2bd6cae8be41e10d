import { Type } from '@fastify/type-provider-typebox';
import { IdSchema } from '../lib/schemas.js';
import { GroupRoleSchema, GroupSchema } from '../modules/groups/groups.schemas.js';
import { PublicUserSchema, UserSchema } from '../modules/users/users.schemas.js';

// The `data` of durable events that no REST operation returns; the API objects the other events
// carry (Message, FriendRequest, Notification…) are the modules' own schemas.

export const UserRefSchema = Type.Object(
  { userId: IdSchema },
  { title: 'UserRef', description: 'The other person (friend.removed) or the user blocked / unblocked (block.*)' },
);

export const GroupEventSchema = Type.Object(
  {
    group: GroupSchema,
    userId: Type.Optional(Type.String({ format: 'uuid', description: 'The member added or removed' })),
    role: Type.Optional(GroupRoleSchema),
  },
  { title: 'GroupEvent', description: '`group.myRole` is the recipient’s own role (a removed member gets the one they held)' },
);

export const ConversationReadSchema = Type.Object(
  { conversationId: IdSchema, upToSeq: Type.Integer({ minimum: 0 }) },
  { title: 'ConversationRead', description: 'You read the conversation up to `upToSeq` (on any device)' },
);

export const ConversationUpdatedSchema = Type.Object(
  { conversationId: IdSchema, muted: Type.Boolean() },
  { title: 'ConversationUpdated', description: 'Your settings of the conversation changed (on any device)' },
);

export const NotificationReadSchema = Type.Union(
  [Type.Object({ ids: Type.Array(IdSchema) }), Type.Object({ all: Type.Literal(true) })],
  { title: 'NotificationRead', description: 'Notifications marked read on one of your devices' },
);

export const SessionsRevokedSchema = Type.Object(
  { sessionIds: Type.Array(IdSchema) },
  { title: 'SessionsRevoked', description: 'The sockets of these sessions are then closed with 4001' },
);

export const PushSubscriptionRemovedSchema = Type.Object(
  { id: IdSchema },
  { title: 'PushSubscriptionRemoved', description: 'The push service or gateway refused the subscription; subscribe again' },
);

export const ProfileSchema = Type.Union([UserSchema, PublicUserSchema], {
  title: 'Profile',
  description: 'Your own `User` (to you) or a friend’s `PublicUser`',
});

import { Type, type Static } from '@fastify/type-provider-typebox';
import { CursorSchema, DateTimeSchema, IdSchema, NextCursorSchema, Nullable } from '../../lib/schemas.js';
import { PublicUserSchema } from '../users/users.schemas.js';

export const NotificationTypeSchema = Type.Union(
  [
    Type.Literal('friend_request'),
    Type.Literal('friend_accepted'),
    Type.Literal('message'),
    Type.Literal('mention'),
    Type.Literal('group_added'),
  ],
  { description: 'What happened' },
);
export type NotificationType = Static<typeof NotificationTypeSchema>;

export const NotificationSchema = Type.Object(
  {
    id: IdSchema,
    type: NotificationTypeSchema,
    actor: Nullable(PublicUserSchema),
    data: Type.Record(Type.String(), Type.Unknown(), {
      description:
        "Type-specific: `requestId` (friend_request, friend_accepted); `conversationId`, `groupId`, `count` (unread messages), `lastMessage` (message: derived from the conversation, listed while it has unread messages; its id is the conversation's); `conversationId`, `messageId`, `groupId` (mention); `groupId` (group_added)",
    }),
    read: Type.Boolean(),
    createdAt: DateTimeSchema,
    updatedAt: DateTimeSchema,
  },
  { title: 'Notification' },
);
export type NotificationDto = Static<typeof NotificationSchema>;

export const ListNotificationsQuerySchema = Type.Object(
  {
    unreadOnly: Type.Optional(Type.Boolean({ default: false, description: 'Only unread notifications' })),
    cursor: Type.Optional(CursorSchema),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 50 })),
  },
  { additionalProperties: false },
);
export type ListNotificationsQuery = Static<typeof ListNotificationsQuerySchema>;

export const NotificationListSchema = Type.Object(
  {
    notifications: Type.Array(NotificationSchema),
    unreadCount: Type.Integer({ description: 'Unread notifications in total, whatever the page' }),
    nextCursor: NextCursorSchema,
  },
  { title: 'NotificationList' },
);
export type NotificationList = Static<typeof NotificationListSchema>;

export const MarkReadSchema = Type.Union(
  [
    Type.Object(
      { ids: Type.Array(IdSchema, { minItems: 1, maxItems: 100, description: 'Notifications to mark read' }) },
      { additionalProperties: false },
    ),
    Type.Object({ all: Type.Literal(true, { description: 'Mark every notification read' }) }, { additionalProperties: false }),
  ],
  { title: 'MarkNotificationsRead' },
);
export type MarkRead = Static<typeof MarkReadSchema>;

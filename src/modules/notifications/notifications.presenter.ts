import type { NotificationRow } from '../../db/schema.js';
import type { UnreadConversationRow } from '../conversations/index.js';
import type { PublicUserDto } from '../users/users.schemas.js';
import type { NotificationDto } from './notifications.schemas.js';

export function toNotificationDto(row: NotificationRow, actors: Map<string, PublicUserDto>): NotificationDto {
  return {
    id: row.id,
    type: row.type,
    actor: row.actorId ? (actors.get(row.actorId) ?? null) : null,
    data: row.data,
    read: row.read,
    createdAt: new Date(row.createdAt).toISOString(),
    updatedAt: new Date(row.updatedAt).toISOString(),
  };
}

/**
 * A conversation's derived `message` notification: its id is the conversation's, it was created
 * by the first unread message and updated by the latest.
 */
export function toMessageNotificationDto(
  row: UnreadConversationRow,
  read: boolean,
  actors: Map<string, PublicUserDto>,
): NotificationDto {
  return {
    id: row.conversationId,
    type: 'message',
    actor: row.lastSenderId ? (actors.get(row.lastSenderId) ?? null) : null,
    data: {
      conversationId: row.conversationId,
      groupId: row.groupId,
      count: row.count,
      lastMessage: {
        id: row.lastMessageId,
        senderId: row.lastSenderId,
        text: row.lastText,
        attachmentCount: row.attachmentCount,
        createdAt: row.lastAt.toISOString(),
      },
    },
    read,
    createdAt: row.firstAt.toISOString(),
    updatedAt: row.lastAt.toISOString(),
  };
}

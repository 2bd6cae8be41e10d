import type { GroupDto } from '../groups/groups.schemas.js';
import type { MessageDto } from './messages.schemas.js';
import type { PublicUserDto } from '../users/users.schemas.js';
import type { ConversationListRow } from '../conversations/index.js';
import type { ConversationDto } from './conversations.schemas.js';

export interface ConversationContext {
  peers: Map<string, PublicUserDto>;
  /** conversation id → peer id (direct chats). */
  peerOf: Map<string, string>;
  groups: Map<string, GroupDto>;
  lastMessages: Map<string, MessageDto>;
  unread: Map<string, number>;
}

export function toConversationDto(row: ConversationListRow, context: ConversationContext): ConversationDto {
  const peerId = context.peerOf.get(row.conversationId);
  return {
    id: row.conversationId,
    type: row.type,
    peer: peerId ? (context.peers.get(peerId) ?? null) : null,
    group: row.groupId ? (context.groups.get(row.groupId) ?? null) : null,
    lastMessage: row.lastMessageId ? (context.lastMessages.get(row.lastMessageId) ?? null) : null,
    unreadCount: context.unread.get(row.conversationId) ?? 0,
    muted: row.muted,
    updatedAt: row.activityAt.toISOString(),
  };
}

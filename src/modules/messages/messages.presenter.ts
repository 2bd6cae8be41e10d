import type { FileDto } from '../files/files.schemas.js';
import type { MessageRecord } from './messages.repository.js';
import type { MessageDto, MessageStatus, ReactionDto, ReplyPreviewDto } from './messages.schemas.js';
import type { PinRow } from './pins.repository.js';

/** What a message gains beyond its row: reactions and its pin. */
export interface MessageExtras {
  reactions: ReactionDto[];
  pin: PinRow | undefined;
}

/** A message row as one viewer sees it, from what the loader gathered (no queries). */
export function toMessageDto(
  row: MessageRecord,
  attachments: FileDto[],
  replies: Map<string, ReplyPreviewDto>,
  status: MessageStatus | null,
  extras?: MessageExtras,
): MessageDto {
  const deleted = row.deletedAt !== null;
  const pin = deleted ? undefined : extras?.pin;
  return {
    id: row.id,
    conversationId: row.conversationId,
    groupId: row.groupId,
    senderId: row.senderId,
    recipientId: row.recipientId,
    seq: Number(row.seq),
    type: row.type,
    text: deleted ? null : row.text,
    attachments: deleted ? [] : attachments,
    replyTo: deleted || !row.replyToId ? null : (replies.get(row.replyToId) ?? null),
    mentions: deleted ? [] : row.mentions,
    system: (row.systemData as MessageDto['system']) ?? null,
    clientMessageId: row.clientMessageId,
    createdAt: row.createdAt.toISOString(),
    editedAt: row.editedAt?.toISOString() ?? null,
    deletedAt: row.deletedAt?.toISOString() ?? null,
    status,
    reactions: deleted ? [] : (extras?.reactions ?? []),
    pinnedAt: pin?.pinnedAt.toISOString() ?? null,
    pinnedBy: pin?.pinnedBy ?? null,
  };
}

import type { DurableEventType } from '../../events/catalog.js';
import type { Emit, Trx } from '../../events/transactor.js';
import { newId } from '../../lib/ids.js';
import { advanceWatermarks, claimNextSeq } from '../conversations/index.js';
import type { FilesPort } from '../ports.js';
import { loadMessage, loadReplyPreviews } from './messages.loader.js';
import { toMessageDto } from './messages.presenter.js';
import { insertAttachments, insertMessage, type MessageRecord } from './messages.repository.js';
import type { MessageDto } from './messages.schemas.js';

export interface AppendMessageInput {
  conversationId: string;
  groupId: string | null;
  senderId: string | null;
  recipientId: string | null;
  type: 'text' | 'system';
  text: string | null;
  replyToId?: string | null;
  mentions?: string[];
  systemData?: Record<string, unknown> | null;
  clientMessageId?: string | null;
  attachmentIds?: readonly string[];
  /** Users told besides the current members (e.g. a member just removed). */
  alsoNotify?: readonly string[];
}

export interface AppendedMessage {
  record: MessageRecord;
  /** The conversation's current members. */
  members: string[];
  /** The members who muted the conversation. */
  muted: Set<string>;
  /** The message as its sender sees it. */
  dto: MessageDto;
  /** The sender's read watermark before this message, when it moved. */
  previousReadSeq: number | undefined;
}

/**
 * The one write path of every message, in the caller's transaction: takes the next seq under a
 * row lock on the conversation (so seqs are gapless and ordered like commits) while updating the
 * conversation and its members' activity, stores the message and its attachments, moves the
 * sender's watermarks to it and emits `message.created` to the members (and `alsoNotify`).
 */
export async function appendMessage(trx: Trx, emit: Emit, files: FilesPort, input: AppendMessageInput): Promise<AppendedMessage> {
  const id = newId();
  const { seq, at, members: states } = await claimNextSeq(trx, { conversationId: input.conversationId, messageId: id });
  const record: MessageRecord = {
    id,
    conversationId: input.conversationId,
    seq,
    senderId: input.senderId,
    recipientId: input.recipientId,
    type: input.type,
    text: input.text,
    replyToId: input.replyToId ?? null,
    mentions: input.mentions ?? [],
    systemData: input.systemData ?? null,
    clientMessageId: input.clientMessageId ?? null,
    createdAt: at,
    editedAt: null,
    deletedAt: null,
    groupId: input.groupId,
  };
  const { groupId: _groupId, editedAt: _editedAt, deletedAt: _deletedAt, ...row } = record;
  await insertMessage(trx, row);
  await insertAttachments(trx, record.id, input.attachmentIds ?? []);
  const members = states.map((m) => m.userId);
  let previousReadSeq: number | undefined;
  if (input.senderId && members.includes(input.senderId)) {
    const watermark = { conversationId: input.conversationId, userId: input.senderId, seq, at };
    previousReadSeq = (await advanceWatermarks(trx, { ...watermark, kinds: ['delivered', 'read'], ownMessage: true })).read;
  }
  const audience = [...new Set([...members, ...(input.alsoNotify ?? [])])];
  const dto = await presentNewMessage(trx, files, record, input.attachmentIds ?? []);
  await emitMessageEvent(trx, emit, files, 'message.created', record, audience, dto);
  const muted = new Set(states.filter((m) => m.muted).map((m) => m.userId));
  return { record, members, muted, dto: senderView(record, dto), previousReadSeq };
}

/**
 * A message just written, for everyone but its sender, from what the writer already knows: no
 * peer can have received it yet, so only its files and the replied-to message are looked up.
 */
async function presentNewMessage(trx: Trx, files: FilesPort, record: MessageRecord, attachmentIds: readonly string[]) {
  const [presented, replies] = await Promise.all([
    attachmentIds.length > 0 ? files.presentFiles(attachmentIds, trx) : new Map<string, never>(),
    record.replyToId ? loadReplyPreviews(trx, [record.replyToId]) : new Map<string, never>(),
  ]);
  const attachments = attachmentIds.flatMap((id) => presented.get(id) ?? []);
  return toMessageDto(record, attachments, replies, null);
}

/** In a direct chat the sender's copy carries `status`; a new message is only `sent`. */
export function senderView(record: MessageRecord, dto: MessageDto): MessageDto {
  return record.groupId === null && record.type === 'text' ? { ...dto, status: 'sent' } : dto;
}

/**
 * Emits a message event to `audience`. In direct chats the sender's copy carries its `status`
 * (a per-viewer field), so the sender and the others get separate payloads.
 */
export async function emitMessageEvent(
  trx: Trx,
  emit: Emit,
  files: FilesPort,
  type: Extract<DurableEventType, `message.${string}`>,
  record: MessageRecord,
  audience: readonly string[],
  presented?: MessageDto,
): Promise<void> {
  const sender = record.senderId;
  if (record.groupId === null && sender && audience.includes(sender)) {
    const others = audience.filter((id) => id !== sender);
    const own = presented ? senderView(record, presented) : await loadMessage(trx, files, sender, record);
    emit({ type, data: own, to: [sender] });
    if (others.length > 0) emit({ type, data: presented ?? (await loadMessage(trx, files, null, record)), to: others });
    return;
  }
  emit({ type, data: presented ?? (await loadMessage(trx, files, null, record)), to: audience });
}

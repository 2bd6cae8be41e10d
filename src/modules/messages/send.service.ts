import type { Emit, Trx } from '../../events/transactor.js';
import { AppError } from '../../lib/errors.js';
import { getOrCreateDirectConversation } from '../conversations/index.js';
import { createTextBatch, type SendOutcome, type TextSend } from './text-batch.js';
import { createGroupCommit } from './group-commit.js';
import { appendMessage, type AppendedMessage } from './message-writer.js';
import type { MessagingDeps } from './messaging.deps.js';
import { loadMessage } from './messages.loader.js';
import { findByClientMessageIds, findMessageById, type MessageRecord } from './messages.repository.js';
import type { MessageDto, SendMessage } from './messages.schemas.js';
import { watermarkEvent } from './watermark-event.js';

/** Sending: 10 messages per second with bursts of 20, per user, shared across nodes. */
export const SEND_RULE = { burst: 20, perSecond: 10 };
/** The most messages one group-commit transaction writes (bounds its lock time). */
export const SEND_BATCH_MAX = 200;
const MENTION_RE = /(?:^|[^A-Za-z0-9_.@])@([A-Za-z0-9_.]{3,32})/g;

interface Target {
  conversationId: string;
  groupId: string | null;
  recipientId: string | null;
  members: readonly string[];
}

/** `@username`s written in a text, lower-cased. */
export function mentionedUsernames(text: string | undefined): string[] {
  if (!text) return [];
  return [...new Set([...text.matchAll(MENTION_RE)].map((m) => m[1]!.replace(/(?<!\.)\.+$/, '').toLowerCase()))];
}

function validateInput(input: SendMessage, maxLength: number): void {
  if ((input.recipientId === undefined) === (input.groupId === undefined)) {
    throw new AppError('validation_failed', 'Exactly one of recipientId and groupId is required', {
      errors: [{ path: 'body.recipientId', message: 'exactly one of recipientId and groupId is required' }],
    });
  }
  const hasText = input.text !== undefined && input.text.trim() !== '';
  if (!hasText && (input.attachmentIds ?? []).length === 0) {
    throw new AppError('validation_failed', 'A message needs text or attachments', {
      errors: [{ path: 'body.text', message: 'text or attachmentIds is required' }],
    });
  }
  if (input.text !== undefined && input.text.length > maxLength) {
    throw new AppError('validation_failed', `text is longer than ${maxLength} characters`, {
      errors: [{ path: 'body.text', message: `must be at most ${maxLength} characters` }],
    });
  }
}

export function createSendService(deps: MessagingDeps) {
  const { infra, files, users, social, notifications, groups } = deps;
  const db = infra.database.db;

  async function resolveTarget(trx: Trx, senderId: string, input: SendMessage): Promise<Target> {
    if (input.groupId !== undefined) {
      const { conversationId } = await groups.membershipOf(senderId, input.groupId, trx);
      const rows = await trx
        .selectFrom('conversationMembers')
        .select('userId')
        .where('conversationId', '=', conversationId)
        .execute();
      return { conversationId, groupId: input.groupId, recipientId: null, members: rows.map((r) => r.userId) };
    }
    const recipientId = input.recipientId!;
    if (recipientId === senderId) throw new AppError('bad_request', 'You cannot message yourself');
    // One lookup settles the common case; the rest only tells an unknown user (404) from a stranger (403).
    if (!(await social.mayMessage(senderId, recipientId, trx))) {
      if (!(await users.exists(recipientId, trx))) throw new AppError('not_found', 'User not found');
      throw new AppError('not_friends', 'You can only message your friends');
    }
    const conversationId = await getOrCreateDirectConversation(trx, senderId, recipientId);
    return { conversationId, groupId: null, recipientId, members: [senderId, recipientId] };
  }

  async function checkReply(trx: Trx, conversationId: string, replyToId: string | undefined): Promise<void> {
    if (replyToId === undefined) return;
    const target = await findMessageById(trx, replyToId);
    // The same answer whether the message is absent or elsewhere: never confirm another chat's message exists.
    if (!target || target.conversationId !== conversationId) {
      throw new AppError('validation_failed', 'replyToId must be a message of this conversation', {
        errors: [{ path: 'body.replyToId', message: 'must be a message of this conversation' }],
      });
    }
  }

  /**
   * Mentions are stored notifications; the `message` notification of every other member is
   * derived from the conversation's state, so nothing is written for it here.
   */
  async function notifyMentioned(trx: Trx, emit: Emit, sent: AppendedMessage, senderId: string): Promise<void> {
    const { record, dto } = sent;
    if (record.mentions.length === 0) return;
    const preview = {
      conversationId: record.conversationId,
      groupId: record.groupId,
      lastMessage: { id: dto.id, senderId, text: dto.text, attachmentCount: dto.attachments.length, createdAt: dto.createdAt },
    };
    for (const userId of record.mentions) {
      if (userId === senderId || !sent.members.includes(userId)) continue;
      await notifications.notify(trx, emit, {
        userId,
        type: 'mention',
        actorId: senderId,
        conversationId: record.conversationId,
        data: { ...preview, messageId: record.id },
      });
    }
  }

  /**
   * Sending moves the sender's read watermark to the new message (which also clears their derived
   * message notification); in a direct chat the peer learns that their messages before it were read.
   */
  async function senderHasRead(trx: Trx, emit: Emit, sent: AppendedMessage, senderId: string): Promise<void> {
    const { record, previousReadSeq } = sent;
    if (previousReadSeq === undefined || previousReadSeq >= record.seq - 1) return;
    if (record.groupId !== null) return;
    // Every message of one's own moves one's read watermark, so what lies between the old
    // watermark and this message was written by the peer.
    const peers = sent.members.filter((id) => id !== senderId);
    if (peers.length === 0) return;
    const data = watermarkEvent(record.conversationId, senderId, Number(record.seq), record.createdAt);
    emit({ type: 'message.read', data, to: [senderId, ...peers] });
  }

  async function writeMessage(senderId: string, input: SendMessage, mentionIds: Map<string, string>): Promise<MessageDto> {
    return infra.transactor(async (trx, emit) => {
      // In the transaction, locking the files: an upload swept meanwhile is a 404, never a lost attachment.
      await files.assertOwnFiles(senderId, input.attachmentIds ?? [], trx);
      const target = await resolveTarget(trx, senderId, input);
      await checkReply(trx, target.conversationId, input.replyToId);
      const wanted = new Set([...(input.mentions ?? []), ...mentionIds.values()]);
      const mentions = target.members.filter((id) => wanted.has(id) && id !== senderId);
      const sent = await appendMessage(trx, emit, files, {
        conversationId: target.conversationId,
        groupId: target.groupId,
        senderId,
        recipientId: target.recipientId,
        type: 'text',
        text: input.text !== undefined && input.text.trim() !== '' ? input.text : null,
        replyToId: input.replyToId ?? null,
        mentions,
        clientMessageId: input.clientMessageId ?? null,
        attachmentIds: input.attachmentIds ?? [],
      });
      await notifyMentioned(trx, emit, sent, senderId);
      await senderHasRead(trx, emit, sent, senderId);
      return sent.dto;
    });
  }

  // Every send with a clientMessageId first looks for an earlier one: concurrent lookups share
  // one statement, so under load they cost far less than one query each.
  const lookups = createGroupCommit<{ senderId: string; clientMessageId: string }, MessageRecord | undefined>({
    maxBatch: SEND_BATCH_MAX,
    flush: async (keys) => {
      const found = await findByClientMessageIds(db, keys);
      return keys.map((k) => ({ ok: true, value: found.get(`${k.senderId}\n${k.clientMessageId}`) }));
    },
  });

  async function existing(senderId: string, clientMessageId: string | undefined): Promise<MessageDto | undefined> {
    if (clientMessageId === undefined) return undefined;
    const row = await lookups.submit({ senderId, clientMessageId });
    return row ? loadMessage(db, files, senderId, row) : undefined;
  }

  /** The one-message path: its own transaction, and a retry that lost a race answers the winner. */
  async function writeOne(senderId: string, input: SendMessage, mentionIds: Map<string, string>): Promise<SendOutcome> {
    try {
      return { message: await writeMessage(senderId, input, mentionIds), created: true };
    } catch (error) {
      if ((error as { code?: unknown }).code === '23505' && input.clientMessageId !== undefined) {
        const winner = await existing(senderId, input.clientMessageId);
        if (winner) return { message: winner, created: false };
      }
      throw error;
    }
  }

  const textBatch = createTextBatch({
    transactor: infra.transactor,
    social,
    files,
    single: ({ senderId, recipientId, groupId, text, clientMessageId }) =>
      writeOne(
        senderId,
        { ...(groupId !== undefined ? { groupId } : { recipientId }), text, clientMessageId: clientMessageId ?? undefined },
        new Map(),
      ),
  });
  const groupCommit = createGroupCommit({ maxBatch: SEND_BATCH_MAX, flush: textBatch.flush });

  /**
   * A text message without attachments, replies or mentions (the common case, and one whose
   * every check is set-based), to a friend or a group, goes through group commit; anything else
   * is written alone.
   */
  function batchable(senderId: string, input: SendMessage, mentionIds: Map<string, string>): TextSend | undefined {
    const { recipientId, groupId, text } = input;
    if (text === undefined || text.trim() === '') return undefined;
    if ((input.attachmentIds ?? []).length > 0 || input.replyToId !== undefined) return undefined;
    if ((input.mentions ?? []).length > 0 || mentionIds.size > 0) return undefined;
    const clientMessageId = input.clientMessageId ?? null;
    if (groupId !== undefined) return { senderId, groupId, text, clientMessageId };
    if (recipientId === undefined || recipientId === senderId) return undefined;
    return { senderId, recipientId, text, clientMessageId };
  }

  /**
   * Sends a message to a friend (`recipientId`) or a group (`groupId`). A repeated
   * `clientMessageId` returns the first message with `created: false`, also when two retries
   * race (the loser's unique violation is caught and the winner's message returned) or land in
   * the same group commit.
   */
  async function sendMessage(senderId: string, input: SendMessage): Promise<SendOutcome> {
    validateInput(input, infra.config.maxMessageLength);
    const repeat = await existing(senderId, input.clientMessageId);
    if (repeat) return { message: repeat, created: false };
    await infra.limiter.consume(`send:${senderId}`, SEND_RULE);
    const mentionIds = await users.idsByUsernames(mentionedUsernames(input.text));
    const direct = batchable(senderId, input, mentionIds);
    if (direct) return groupCommit.submit(direct);
    return writeOne(senderId, input, mentionIds);
  }

  return { sendMessage };
}

import type { Emit, Trx } from '../../events/transactor.js';
import { decodeCursor, encodeCursor, pageOf } from '../../lib/cursor.js';
import { AppError, notFound } from '../../lib/errors.js';
import type { PageQuery } from '../../lib/schemas.js';
import { findMembership, memberIds } from '../conversations/index.js';
import { appendMessage, emitMessageEvent } from './message-writer.js';
import type { MessagingDeps } from './messaging.deps.js';
import { loadMessage, loadMessages } from './messages.loader.js';
import { findMessageById, type MessageRecord } from './messages.repository.js';
import type { MessageDto, SystemMessageData } from './messages.schemas.js';
import { countPins, deletePin, insertPin, isPinned, lockConversation, pinnedPage } from './pins.repository.js';
import type { PinnedPage } from './pins.schemas.js';

/** At most this many pinned messages per conversation. */
export const MAX_PINS = 50;

export function createPinsService(deps: MessagingDeps) {
  const { infra, files, groups } = deps;
  const db = infra.database.db;

  /**
   * The message, if the actor may pin in its conversation: a member (else 404); in groups an
   * owner or admin (else 403). The conversation row is locked so pins are counted one at a time.
   */
  async function pinnable(trx: Trx, actorId: string, messageId: string): Promise<MessageRecord> {
    const message = await findMessageById(trx, messageId);
    if (!message || !(await findMembership(trx, message.conversationId, actorId))) throw notFound('Message');
    if (message.groupId !== null) {
      const { role } = await groups.membershipOf(actorId, message.groupId, trx);
      if (role !== 'owner' && role !== 'admin') throw new AppError('forbidden', 'Only group owners and admins pin messages');
    }
    await lockConversation(trx, message.conversationId);
    return message;
  }

  /** `message.updated` to the members and, in groups, a `system` message saying what happened. */
  async function announce(trx: Trx, emit: Emit, actorId: string, message: MessageRecord, data: SystemMessageData) {
    await emitMessageEvent(trx, emit, files, 'message.updated', message, await memberIds(trx, message.conversationId));
    if (message.groupId === null) return;
    await appendMessage(trx, emit, files, {
      conversationId: message.conversationId,
      groupId: message.groupId,
      senderId: actorId,
      recipientId: null,
      type: 'system',
      text: null,
      systemData: { ...data },
    });
  }

  /** Pins a message (idempotent): either person in a direct chat, owners and admins in groups. */
  async function pinMessage(actorId: string, messageId: string): Promise<MessageDto> {
    return infra.transactor(async (trx, emit) => {
      const message = await pinnable(trx, actorId, messageId);
      if (message.deletedAt !== null) throw notFound('Message');
      if (message.type !== 'text') throw new AppError('bad_request', 'System messages cannot be pinned');
      if (!(await isPinned(trx, messageId))) {
        if ((await countPins(trx, message.conversationId)) >= MAX_PINS) {
          throw new AppError('too_many_pins', `A conversation keeps at most ${MAX_PINS} pinned messages`);
        }
        await insertPin(trx, { messageId, conversationId: message.conversationId, pinnedBy: actorId });
        await announce(trx, emit, actorId, message, { kind: 'message_pinned', messageId });
      }
      return loadMessage(trx, files, actorId, message);
    });
  }

  /** Unpins a message (idempotent), with the same rights as pinning. */
  async function unpinMessage(actorId: string, messageId: string): Promise<void> {
    await infra.transactor(async (trx, emit) => {
      const message = await pinnable(trx, actorId, messageId);
      if (await deletePin(trx, messageId)) await announce(trx, emit, actorId, message, { kind: 'message_unpinned', messageId });
    });
  }

  /** The pinned messages of a conversation of the viewer's, most recently pinned first. */
  async function listPins(viewerId: string, conversationId: string, query: PageQuery): Promise<PinnedPage> {
    if (!(await findMembership(db, conversationId, viewerId))) throw notFound('Conversation');
    const limit = query.limit ?? 50;
    const before = query.cursor === undefined ? undefined : decodeCursor(query.cursor, ['pgTime', 'id']);
    const rows = await pinnedPage(db, conversationId, before ? { at: before[0]!, messageId: before[1]! } : undefined, limit);
    const { items, nextCursor } = pageOf(rows, limit, (last) => encodeCursor([last.pinCursor, last.id]));
    const records = items.map(({ pinCursor: _cursor, ...record }) => record);
    return { messages: await loadMessages(db, files, viewerId, records), nextCursor };
  }

  return { pinMessage, unpinMessage, listPins };
}

import type { Trx } from '../../events/transactor.js';
import { AppError, notFound } from '../../lib/errors.js';
import { findMembership, memberIds } from '../conversations/index.js';
import { emitMessageEvent } from './message-writer.js';
import type { MessagingDeps } from './messaging.deps.js';
import { loadMessage } from './messages.loader.js';
import { findMessageById, tombstoneMessage, updateMessageText, type MessageRecord } from './messages.repository.js';
import type { MessageDto } from './messages.schemas.js';

export function createMessagesService(deps: MessagingDeps) {
  const { infra, files, groups, social } = deps;

  /** A live message in a conversation of the viewer's, else 404 (absent, deleted or not visible). */
  async function liveMessage(trx: Trx, viewerId: string, messageId: string): Promise<MessageRecord> {
    const message = await findMessageById(trx, messageId);
    if (!message || message.deletedAt !== null || !(await findMembership(trx, message.conversationId, viewerId)))
      throw notFound('Message');
    return message;
  }

  /** Replaces the text of one's own message (`message.updated` to the members). */
  async function editMessage(userId: string, messageId: string, text: string): Promise<MessageDto> {
    if (text.trim() === '')
      throw new AppError('validation_failed', 'text must not be blank', {
        errors: [{ path: 'body.text', message: 'must not be blank' }],
      });
    const max = infra.config.maxMessageLength;
    if (text.length > max)
      throw new AppError('validation_failed', `text is longer than ${max} characters`, {
        errors: [{ path: 'body.text', message: `must be at most ${max} characters` }],
      });
    return infra.transactor(async (trx, emit) => {
      const message = await liveMessage(trx, userId, messageId);
      if (message.senderId !== userId || message.type !== 'text')
        throw new AppError('forbidden', 'Only the sender can edit a message');
      // An edit reaches the peer like a new message, so it needs what sending needs (friends, no
      // block either way), checked in this transaction: a block or unfriending that committed
      // first is seen here.
      if (
        message.groupId === null &&
        message.recipientId !== null &&
        !(await social.mayMessage(userId, message.recipientId, trx))
      )
        throw new AppError('not_friends', 'You can only edit messages in chats with your friends');
      const at = new Date();
      await updateMessageText(trx, message.id, text, at);
      const record: MessageRecord = { ...message, text, editedAt: at };
      await emitMessageEvent(trx, emit, files, 'message.updated', record, await memberIds(trx, message.conversationId));
      return loadMessage(trx, files, userId, record);
    });
  }

  async function mayModerate(trx: Trx, userId: string, message: MessageRecord): Promise<boolean> {
    if (message.groupId === null) return false;
    const { role } = await groups.membershipOf(userId, message.groupId, trx);
    return role === 'owner' || role === 'admin';
  }

  /**
   * Deletes a message, leaving a tombstone (sender, or a group's owner/admin). Unlike an edit this
   * stays allowed after a block or unfriending: it only takes content away, and people expect to be
   * able to retract what they said to someone they no longer talk to.
   */
  async function deleteMessage(userId: string, messageId: string): Promise<void> {
    await infra.transactor(async (trx, emit) => {
      const message = await liveMessage(trx, userId, messageId);
      if (message.type !== 'text') throw new AppError('forbidden', 'System messages cannot be deleted');
      if (message.senderId !== userId && !(await mayModerate(trx, userId, message))) {
        throw new AppError('forbidden', 'Only the sender or a group admin can delete a message');
      }
      const at = new Date();
      await tombstoneMessage(trx, message.id, at);
      const record: MessageRecord = { ...message, text: null, mentions: [], replyToId: null, deletedAt: at };
      await emitMessageEvent(trx, emit, files, 'message.deleted', record, await memberIds(trx, message.conversationId));
    });
  }

  return { editMessage, deleteMessage };
}

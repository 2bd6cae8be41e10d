import type { Db } from '../../db/database.js';
import { decodeCursor, encodeCursor, pageOf } from '../../lib/cursor.js';
import { isReactionKey } from '../../lib/emoji.js';
import { AppError, notFound } from '../../lib/errors.js';
import type { PageQuery } from '../../lib/schemas.js';
import { findMembership, memberIds } from '../conversations/index.js';
import type { MessagingDeps } from './messaging.deps.js';
import { findMessageById, type MessageRecord } from './messages.repository.js';
import { countsOf, deleteReaction, insertReaction, lockMessage, reactorsPage } from './reactions.repository.js';
import type { ReactionEvent, ReactorsPage } from './reactions.schemas.js';
import { SEND_RULE } from './send.service.js';

/** At most this many distinct emojis on one message. */
export const MAX_DISTINCT_REACTIONS = 20;

function checkEmoji(emoji: string): void {
  if (!isReactionKey(emoji)) {
    throw new AppError('validation_failed', 'emoji must be one emoji or a :shortcode:', {
      errors: [{ path: 'params.emoji', message: 'must be one emoji grapheme of at most 32 bytes or a :shortcode:' }],
    });
  }
}

export function createReactionsService(deps: MessagingDeps) {
  const { infra, users } = deps;
  const db = infra.database.db;

  /** The message, if the viewer is a member of its conversation (else 404: never confirm it exists). */
  async function visibleMessage(executor: Db, viewerId: string, messageId: string): Promise<MessageRecord> {
    const message = await findMessageById(executor, messageId);
    if (!message || !(await findMembership(executor, message.conversationId, viewerId))) throw notFound('Message');
    return message;
  }

  async function change(userId: string, messageId: string, emoji: string, action: ReactionEvent['action']): Promise<void> {
    checkEmoji(emoji);
    await infra.limiter.consume(`react:${userId}`, SEND_RULE);
    await infra.transactor(async (trx, emit) => {
      await lockMessage(trx, messageId);
      const message = await visibleMessage(trx, userId, messageId);
      if (action === 'added') {
        if (message.deletedAt !== null || message.type !== 'text') {
          throw new AppError('bad_request', 'Deleted and system messages take no reactions');
        }
        const counts = await countsOf(trx, messageId);
        if (!counts.has(emoji) && counts.size >= MAX_DISTINCT_REACTIONS) {
          throw new AppError('too_many_reactions', `A message takes at most ${MAX_DISTINCT_REACTIONS} different reactions`);
        }
      }
      const count =
        action === 'added'
          ? await insertReaction(trx, messageId, emoji, userId)
          : await deleteReaction(trx, messageId, emoji, userId);
      if (count === undefined) return;
      const data: ReactionEvent = { conversationId: message.conversationId, messageId, emoji, userId, action, count };
      emit({ type: 'message.reaction', data, to: await memberIds(trx, message.conversationId) });
    });
  }

  /** Reacts to a message with `emoji` (idempotent); `message.reaction` to the members when it changed. */
  async function addReaction(userId: string, messageId: string, emoji: string): Promise<void> {
    await change(userId, messageId, emoji, 'added');
  }

  /** Takes one's own reaction back (idempotent). */
  async function removeReaction(userId: string, messageId: string, emoji: string): Promise<void> {
    await change(userId, messageId, emoji, 'removed');
  }

  /** Who reacted to a message with `emoji`, earliest first. */
  async function listReactors(viewerId: string, messageId: string, emoji: string, query: PageQuery): Promise<ReactorsPage> {
    checkEmoji(emoji);
    await visibleMessage(db, viewerId, messageId);
    const limit = query.limit ?? 50;
    const after = query.cursor === undefined ? undefined : decodeCursor(query.cursor, ['pgTime', 'id']);
    const rows = await reactorsPage(db, messageId, emoji, after ? { at: after[0]!, userId: after[1]! } : undefined, limit);
    const { items, nextCursor } = pageOf(rows, limit, (last) => encodeCursor([last.at, last.userId]));
    const presented = await users.getPublicUsers(
      viewerId,
      items.map((r) => r.userId),
    );
    return { users: items.flatMap((r) => presented.get(r.userId) ?? []), nextCursor };
  }

  return { addReaction, removeReaction, listReactors };
}

import { AppError, notFound } from '../../lib/errors.js';
import { findDirectConversationId, findMembership } from '../conversations/index.js';
import type { MessagingDeps } from './messaging.deps.js';
import { loadMessages } from './messages.loader.js';
import { findMessageById, pageOfConversation } from './messages.repository.js';
import type { AroundHistoryQuery, HistoryPage } from './messages.schemas.js';

export function createHistoryService(
  deps: MessagingDeps,
  onFetched: (userId: string, conversationId: string, seq: number) => Promise<void>,
) {
  const { infra, files, users, groups } = deps;
  const db = infra.database.db;

  async function cursorSeq(conversationId: string, messageId: string): Promise<number> {
    const message = await findMessageById(db, messageId);
    if (!message || message.conversationId !== conversationId) throw notFound('Message');
    return Number(message.seq);
  }

  async function around(conversationId: string, messageId: string, limit: number) {
    const seq = await cursorSeq(conversationId, messageId);
    const olderCount = Math.floor((limit - 1) / 2);
    const newerCount = limit - 1 - olderCount;
    const [older, newer] = await Promise.all([
      pageOfConversation(db, conversationId, { older: true, belowSeq: seq + 1 }, olderCount + 1),
      pageOfConversation(db, conversationId, { older: false, aboveSeq: seq }, newerCount),
    ]);
    const hasMoreBefore = older.length > olderCount + 1;
    const hasMoreAfter = newer.length > newerCount;
    const rows = [...older.slice(0, olderCount + 1).reverse(), ...newer.slice(0, newerCount)];
    return { rows, hasMore: hasMoreBefore || hasMoreAfter, hasMoreBefore, hasMoreAfter };
  }

  async function rowsOf(conversationId: string, query: AroundHistoryQuery, limit: number) {
    if (query.around !== undefined) return around(conversationId, query.around, limit);
    if (query.after !== undefined) {
      const rows = await pageOfConversation(
        db,
        conversationId,
        { older: false, aboveSeq: await cursorSeq(conversationId, query.after) },
        limit,
      );
      return { rows: rows.slice(0, limit), hasMore: rows.length > limit };
    }
    const belowSeq = query.before !== undefined ? await cursorSeq(conversationId, query.before) : undefined;
    const rows = await pageOfConversation(
      db,
      conversationId,
      { older: true, ...(belowSeq !== undefined ? { belowSeq } : {}) },
      limit,
    );
    return { rows: rows.slice(0, limit).reverse(), hasMore: rows.length > limit };
  }

  /**
   * One page of a conversation the viewer is in; fetching marks the page delivered. With the
   * viewer's delivered watermark at hand, a page it already covers costs no further query.
   */
  async function page(
    viewerId: string,
    conversationId: string,
    query: AroundHistoryQuery,
    deliveredSeq?: number,
  ): Promise<HistoryPage> {
    const cursors = [query.before, query.after, query.around].filter((c) => c !== undefined).length;
    if (cursors > 1) {
      throw new AppError('validation_failed', 'Use at most one of before, after and around', {
        errors: [{ path: 'querystring', message: 'before, after and around are exclusive' }],
      });
    }
    const { rows, ...more } = await rowsOf(conversationId, query, query.limit ?? 50);
    const messages = await loadMessages(db, files, viewerId, rows);
    const top = rows.reduce((max, r) => Math.max(max, Number(r.seq)), 0);
    if (top > (deliveredSeq ?? 0)) await onFetched(viewerId, conversationId, top);
    return { messages, ...more };
  }

  /** The direct chat with `peerId` (readable after the friendship ended). */
  async function directHistory(viewerId: string, peerId: string, query: AroundHistoryQuery): Promise<HistoryPage> {
    if (peerId === viewerId) throw new AppError('bad_request', 'There is no direct chat with yourself');
    const conversationId = await findDirectConversationId(db, viewerId, peerId);
    const member = conversationId ? await findMembership(db, conversationId, viewerId) : undefined;
    if (member) return page(viewerId, member.conversationId, query, member.deliveredSeq);
    if (!(await users.exists(peerId))) throw notFound('User');
    if (query.before !== undefined || query.after !== undefined) throw notFound('Message');
    return { messages: [], hasMore: false };
  }

  /** A group's history, for its members. */
  async function groupHistory(viewerId: string, groupId: string, query: AroundHistoryQuery): Promise<HistoryPage> {
    const { conversationId } = await groups.membershipOf(viewerId, groupId);
    return page(viewerId, conversationId, query);
  }

  /** Any conversation of the viewer's, by id. */
  async function conversationHistory(viewerId: string, conversationId: string, query: AroundHistoryQuery): Promise<HistoryPage> {
    const member = await findMembership(db, conversationId, viewerId);
    if (!member) throw notFound('Conversation');
    return page(viewerId, conversationId, query, member.deliveredSeq);
  }

  return { directHistory, groupHistory, conversationHistory };
}

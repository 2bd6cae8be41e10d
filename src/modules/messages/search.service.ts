import { decodeCursor, encodeCursor, pageOf } from '../../lib/cursor.js';
import { AppError, notFound } from '../../lib/errors.js';
import { highlight, parseQuery } from '../../lib/search-text.js';
import { findMembership } from '../conversations/index.js';
import type { MessagingDeps } from './messaging.deps.js';
import { loadMessages } from './messages.loader.js';
import { findMessagesByIds } from './messages.repository.js';
import type { SearchPage, SearchQuery } from './search.schemas.js';
import { databaseSearchIndex, type MessageSearchIndex } from './search-index.js';

export function createSearchService(deps: MessagingDeps, index: MessageSearchIndex = databaseSearchIndex) {
  const { infra, files } = deps;
  const db = infra.database.db;

  function checkTimes(query: SearchQuery): void {
    for (const key of ['before', 'after'] as const) {
      const value = query[key];
      if (value !== undefined && Number.isNaN(Date.parse(value))) {
        throw new AppError('validation_failed', `${key} is not a time`, {
          errors: [{ path: `querystring.${key}`, message: 'must be an ISO 8601 time' }],
        });
      }
    }
  }

  /**
   * Messages of the conversations the viewer is a member of now that match `q`, newest first,
   * with where they match. Deleted messages are not in the index; edits replace their document.
   */
  async function searchMessages(viewerId: string, query: SearchQuery): Promise<SearchPage> {
    checkTimes(query);
    const terms = parseQuery(query.q);
    if (terms.length === 0) return { results: [], nextCursor: null };
    if (query.conversationId !== undefined && !(await findMembership(db, query.conversationId, viewerId))) {
      throw notFound('Conversation');
    }
    const limit = query.limit ?? 50;
    const below = query.cursor === undefined ? undefined : decodeCursor(query.cursor, ['pgTime', 'id']);
    const hits = await index.query(db, {
      viewerId,
      terms,
      conversationId: query.conversationId,
      senderId: query.senderId,
      before: query.before,
      after: query.after,
      below: below ? { at: below[0]!, messageId: below[1]! } : undefined,
      limit,
    });
    const { items, nextCursor } = pageOf(hits, limit, (last) => encodeCursor([last.at, last.messageId]));
    const rows = await findMessagesByIds(
      db,
      items.map((h) => h.messageId),
    );
    const byId = new Map((await loadMessages(db, files, viewerId, rows)).map((m) => [m.id, m]));
    const results = items.flatMap((hit) => {
      const message = byId.get(hit.messageId);
      if (!message || message.deletedAt !== null || message.text === null) return [];
      return [{ message, highlights: highlight(message.text, terms) }];
    });
    return { results, nextCursor };
  }

  return { searchMessages };
}

import { decodeCursor, encodeCursor } from '../../lib/cursor.js';
import { notFound } from '../../lib/errors.js';
import type { PageQuery } from '../../lib/schemas.js';
import type { MessagingDeps } from './messaging.deps.js';
import { loadMessages } from './messages.loader.js';
import { findMessagesByIds, unreadCounts } from './messages.repository.js';
import { listMemberships, otherMembersOf, setMuted, type ConversationListRow } from '../conversations/index.js';
import { toConversationDto, type ConversationContext } from './conversations.presenter.js';
import type { ConversationDto, ConversationPage, ConversationSettings } from './conversations.schemas.js';

/** `(activity_at::text, conversationId)`: PostgreSQL's own print keeps the microseconds the order needs. */
function decodeListCursor(cursor: string): { at: string; id: string } {
  const [at, id] = decodeCursor(cursor, ['pgTime', 'id']) as [string, string];
  return { at, id };
}

export function createConversationsService(deps: MessagingDeps) {
  const { infra, files, users, groups } = deps;
  const db = infra.database.db;

  /** Everything the rows need, each kind in one batched lookup. */
  async function contextFor(userId: string, rows: ConversationListRow[]): Promise<ConversationContext> {
    const ids = rows.map((r) => r.conversationId);
    const directIds = rows.filter((r) => r.type === 'direct').map((r) => r.conversationId);
    const groupIds = rows.flatMap((r) => (r.groupId ? [r.groupId] : []));
    const lastIds = rows.flatMap((r) => (r.lastMessageId ? [r.lastMessageId] : []));
    const [peerRows, groupMap, lastRows, unread] = await Promise.all([
      otherMembersOf(db, directIds, userId),
      groups.presentGroups(userId, groupIds),
      findMessagesByIds(db, lastIds),
      unreadCounts(db, userId, ids),
    ]);
    const peerOf = new Map(peerRows.map((p) => [p.conversationId, p.userId]));
    const [peers, lastMessages] = await Promise.all([
      users.getPublicUsers(userId, [...new Set(peerOf.values())]),
      loadMessages(db, files, userId, lastRows),
    ]);
    return { peers, peerOf, groups: groupMap, lastMessages: new Map(lastMessages.map((m) => [m.id, m])), unread };
  }

  /** The caller's conversations, most recent activity first, with last message, unread count and peer or group. */
  async function listConversations(userId: string, query: PageQuery): Promise<ConversationPage> {
    const limit = query.limit ?? 50;
    const after = query.cursor !== undefined ? decodeListCursor(query.cursor) : undefined;
    const rows = await listMemberships(db, userId, after, limit);
    const page = rows.slice(0, limit);
    const context = await contextFor(userId, page);
    const last = page.at(-1);
    return {
      conversations: page.map((row) => toConversationDto(row, context)),
      nextCursor: rows.length > limit && last ? encodeCursor([last.activityKey, last.conversationId]) : null,
    };
  }

  /** Mutes or unmutes a conversation for the caller (`conversation.updated` to their devices). */
  async function updateSettings(
    userId: string,
    conversationId: string,
    settings: ConversationSettings,
  ): Promise<ConversationDto> {
    await infra.transactor(async (trx, emit) => {
      if (!(await setMuted(trx, conversationId, userId, settings.muted))) throw notFound('Conversation');
      emit({ type: 'conversation.updated', data: { conversationId, muted: settings.muted }, to: [userId] });
    });
    const [row] = await listMemberships(db, userId, undefined, 1, conversationId);
    if (!row) throw notFound('Conversation');
    return toConversationDto(row, await contextFor(userId, [row]));
  }

  return { listConversations, updateSettings };
}

import type { Db } from '../../db/database.js';
import type { FileDto } from '../files/files.schemas.js';
import { otherMembersOf } from '../conversations/index.js';
import type { FilesPort } from '../ports.js';
import { toMessageDto, type MessageExtras } from './messages.presenter.js';
import { attachmentsOf, replyTargets, type MessageRecord } from './messages.repository.js';
import type { MessageDto, MessageStatus, ReplyPreviewDto } from './messages.schemas.js';
import { pinsOf } from './pins.repository.js';
import { reactionSummaries } from './reactions.repository.js';

/**
 * Loads messages as one viewer sees them with a fixed number of queries whatever the page size: one for
 * attachments (plus one files lookup), one for reply previews, one for the peers' watermarks, one
 * for reactions (counts and the viewer's own) and one for pins.
 */
export async function loadMessages(
  db: Db,
  files: FilesPort,
  viewerId: string | null,
  rows: readonly MessageRecord[],
): Promise<MessageDto[]> {
  if (rows.length === 0) return [];
  const live = rows.filter((r) => r.deletedAt === null);
  const [attachments, replies, statuses, extras] = await Promise.all([
    attachmentMap(
      db,
      files,
      live.map((r) => r.id),
    ),
    loadReplyPreviews(
      db,
      live.flatMap((r) => (r.replyToId ? [r.replyToId] : [])),
    ),
    statusMap(db, viewerId, rows),
    extrasMap(db, viewerId, live),
  ]);
  return rows.map((row) =>
    toMessageDto(row, attachments.get(row.id) ?? [], replies, statuses.get(row.id) ?? null, extras.get(row.id)),
  );
}

/** One message for one viewer. */
export async function loadMessage(db: Db, files: FilesPort, viewerId: string | null, row: MessageRecord): Promise<MessageDto> {
  const [dto] = await loadMessages(db, files, viewerId, [row]);
  return dto!;
}

/** Reactions and pins of many live messages: one query each. */
async function extrasMap(db: Db, viewerId: string | null, rows: readonly MessageRecord[]): Promise<Map<string, MessageExtras>> {
  const ids = rows.filter((r) => r.type === 'text').map((r) => r.id);
  if (ids.length === 0) return new Map();
  const [reactions, pins] = await Promise.all([reactionSummaries(db, viewerId, ids), pinsOf(db, ids)]);
  const extras = new Map<string, MessageExtras>();
  const of = (id: string) => {
    let entry = extras.get(id);
    if (!entry) extras.set(id, (entry = { reactions: [], pin: undefined }));
    return entry;
  };
  for (const r of reactions) of(r.messageId).reactions.push({ emoji: r.emoji, count: r.count, me: r.me });
  for (const p of pins) of(p.messageId).pin = p;
  return extras;
}

async function attachmentMap(db: Db, files: FilesPort, messageIds: string[]): Promise<Map<string, FileDto[]>> {
  const links = await attachmentsOf(db, messageIds);
  if (links.length === 0) return new Map();
  const presented = await files.presentFiles([...new Set(links.map((l) => l.fileId))], db);
  const byMessage = new Map<string, FileDto[]>();
  for (const link of links) {
    const file = presented.get(link.fileId);
    if (!file) continue;
    const list = byMessage.get(link.messageId) ?? [];
    list.push(file);
    byMessage.set(link.messageId, list);
  }
  return byMessage;
}

export async function loadReplyPreviews(db: Db, ids: string[]): Promise<Map<string, ReplyPreviewDto>> {
  const rows = await replyTargets(db, ids);
  return new Map(rows.map((r) => [r.id, { id: r.id, senderId: r.senderId, text: r.deletedAt ? null : r.text }]));
}

/** `status` of the viewer's own messages in direct chats, from the peer's watermarks. */
async function statusMap(db: Db, viewerId: string | null, rows: readonly MessageRecord[]): Promise<Map<string, MessageStatus>> {
  if (!viewerId) return new Map();
  const own = rows.filter((r) => r.senderId === viewerId && r.groupId === null && r.type === 'text');
  if (own.length === 0) return new Map();
  const peers = await otherMembersOf(
    db,
    own.map((r) => r.conversationId),
    viewerId,
  );
  const byConversation = new Map(peers.map((p) => [p.conversationId, p]));
  const statuses = new Map<string, MessageStatus>();
  for (const row of own) {
    const peer = byConversation.get(row.conversationId);
    const seq = Number(row.seq);
    statuses.set(row.id, peer && peer.readSeq >= seq ? 'read' : peer && peer.deliveredSeq >= seq ? 'delivered' : 'sent');
  }
  return statuses;
}

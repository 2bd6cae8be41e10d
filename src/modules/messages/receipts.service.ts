import type { Emit, Trx } from '../../events/transactor.js';
import { notFound } from '../../lib/errors.js';
import {
  advanceWatermark,
  advanceWatermarks,
  advanceDeliveredMany,
  findMembership,
  memberIds,
  receiptsFor,
  type MembershipRow,
} from '../conversations/index.js';
import type { MessagingDeps } from './messaging.deps.js';
import { ackedMessageSeqs, findMessageById, sendersBetween, type MessageRecord } from './messages.repository.js';
import type { ReceiptsDto } from './messages.schemas.js';
import { createReadCoalescer } from './read-coalescer.js';
import { createAckBatcher } from './ack-batcher.js';
import { watermarkEvent } from './watermark-event.js';

/**
 * How far back in a user's event log an `ack` looks for the messages it covers when this node
 * has applied none of that user's acks yet (after that, only the events since the previous ack).
 */
const FIRST_ACK_WINDOW = 500;
/** At most this many log rows per user per round, whatever the gap between two acks. */
const MAX_ACK_RANGE = 5000;
/** Users whose last applied ack this node remembers; beyond it the map starts over. */
const MAX_TRACKED_ACKS = 200_000;
const READ_COALESCE_MS = 2000;
/** How long acks gather before one write applies them all. */
const ACK_BATCH_MS = 50;
/**
 * Group delivered watermarks are written at most this often per node. Nobody is told when a group
 * message is delivered (there is no `message.delivered` in groups; only the receipts list shows
 * it), while a thousand members acking every message would otherwise rewrite a thousand
 * memberships per message; held this long, each member's moves merge into one.
 */
const GROUP_DELIVERED_MS = 1000;

/** Receipts need only the infrastructure (a test builds its own to await an ack round). */
export function createReceiptsService(deps: Pick<MessagingDeps, 'infra'>) {
  const { infra } = deps;
  const db = infra.database.db;
  const coalescer = createReadCoalescer(READ_COALESCE_MS, flushRead);
  const acks = createAckBatcher({
    intervalMs: ACK_BATCH_MS,
    flush: deliverAcks,
    onError: (err) => infra.log.warn({ err }, 'delivery update failed'),
  });

  /** Per user, the highest ack this node has applied: the next ack reads only the log rows after it. */
  const applied = new Map<string, number>();
  /**
   * Delivered watermarks still to move (conversation:user → target), kept while their membership
   * is busy or, in groups, until the next group write.
   */
  const targets = new Map<string, { conversationId: string; userId: string; seq: number; group: boolean }>();
  let groupsWrittenAt = 0;
  let closing = false;

  /** The trailing `message.read` of a coalesced group reader. */
  async function flushRead(conversationId: string, userId: string, fromSeq: number): Promise<number | undefined> {
    return infra.transactor(async (trx, emit) => {
      const member = await findMembership(trx, conversationId, userId);
      if (!member || member.readSeq <= fromSeq) return undefined;
      const senders = await sendersBetween(trx, conversationId, fromSeq, member.readSeq, userId);
      emit({
        type: 'message.read',
        data: watermarkEvent(conversationId, userId, member.readSeq, new Date()),
        to: [userId, ...senders],
      });
      return member.readSeq;
    });
  }

  async function peersOf(trx: Trx, member: MembershipRow): Promise<string[]> {
    return (await memberIds(trx, member.conversationId)).filter((id) => id !== member.userId);
  }

  async function moveDelivered(trx: Trx, emit: Emit, member: MembershipRow, seq: number, at: Date): Promise<void> {
    const previous = await advanceWatermark(trx, {
      conversationId: member.conversationId,
      userId: member.userId,
      kind: 'delivered',
      seq,
      at,
    });
    if (previous === undefined || member.type !== 'direct') return;
    const peers = await peersOf(trx, member);
    if (peers.length > 0)
      emit({ type: 'message.delivered', data: watermarkEvent(member.conversationId, member.userId, seq, at), to: peers });
  }

  async function moveRead(trx: Trx, emit: Emit, member: MembershipRow, seq: number): Promise<void> {
    const at = new Date();
    const { conversationId, userId } = member;
    const previous = (await advanceWatermarks(trx, { conversationId, userId, kinds: ['read', 'delivered'], seq, at })).read;
    if (previous === undefined) return;
    // The derived message notification goes with the unread messages: `conversation.read` says so.
    emit({ type: 'conversation.read', data: { conversationId, upToSeq: seq }, to: [userId] });
    if (member.type === 'direct') {
      emit({
        type: 'message.read',
        data: watermarkEvent(conversationId, userId, seq, at),
        to: [userId, ...(await peersOf(trx, member))],
      });
      return;
    }
    const gate = coalescer.admit(conversationId, userId, previous, seq);
    if (!gate.emit) return;
    const senders = await sendersBetween(trx, conversationId, gate.fromSeq, seq, userId);
    emit({ type: 'message.read', data: watermarkEvent(conversationId, userId, seq, at), to: [userId, ...senders] });
  }

  async function visibleMessage(
    trx: Trx,
    userId: string,
    messageId: string,
  ): Promise<{ message: MessageRecord; member: MembershipRow }> {
    const message = await findMessageById(trx, messageId);
    const member = message ? await findMembership(trx, message.conversationId, userId) : undefined;
    if (!message || !member) throw notFound('Message');
    return { message, member };
  }

  /** Moves the caller's read watermark to this message (it and everything before it). */
  async function markMessageRead(userId: string, messageId: string): Promise<void> {
    await infra.transactor(async (trx, emit) => {
      const { message, member } = await visibleMessage(trx, userId, messageId);
      await moveRead(trx, emit, member, Number(message.seq));
    });
  }

  /** Marks the whole conversation read (and so clears its derived message notification). */
  async function markConversationRead(userId: string, conversationId: string): Promise<void> {
    await infra.transactor(async (trx, emit) => {
      const member = await findMembership(trx, conversationId, userId);
      if (!member) throw notFound('Conversation');
      if (member.lastSeq > 0) await moveRead(trx, emit, member, member.lastSeq);
    });
  }

  /** Delivered up to `seq` (history fetches); no-op when the watermark is already there. */
  async function markDelivered(userId: string, conversationId: string, seq: number): Promise<void> {
    // Most fetches move nothing: answer those without opening a transaction.
    const current = await findMembership(db, conversationId, userId);
    if (!current || current.deliveredSeq >= Math.min(seq, current.lastSeq)) return;
    await infra.transactor(async (trx, emit) => {
      const member = await findMembership(trx, conversationId, userId);
      if (member && member.deliveredSeq < seq) await moveDelivered(trx, emit, member, Math.min(seq, member.lastSeq), new Date());
    });
  }

  /**
   * The acks of a round (user → every event up to seq): the messages those events carried are
   * delivered. One lookup in the event logs, of only the rows since the user's previous ack on
   * this node, and one statement for every watermark; direct-chat senders get
   * `message.delivered`. Returns the acks whose memberships were busy.
   */
  async function deliverAcks(acks: Map<string, number>): Promise<Map<string, number>> {
    const ranges = [...acks].flatMap(([userId, toSeq]) => {
      const previous = applied.get(userId);
      const fromSeq = Math.max(previous ?? toSeq - FIRST_ACK_WINDOW, toSeq - MAX_ACK_RANGE, 0);
      return fromSeq < toSeq ? [{ userId, fromSeq, toSeq }] : [];
    });
    // Each log row is read once: what it yields waits in `targets` until its membership is free.
    for (const target of await ackedMessageSeqs(db, ranges)) {
      const key = `${target.conversationId}:${target.userId}`;
      const queued = targets.get(key);
      if (!queued || queued.seq < target.seq) targets.set(key, target);
    }
    if (applied.size > MAX_TRACKED_ACKS) applied.clear();
    for (const range of ranges) applied.set(range.userId, range.toSeq);
    if (targets.size === 0) return new Map();
    const groupsDue = closing || Date.now() - groupsWrittenAt >= GROUP_DELIVERED_MS;
    const wanted = [...targets.values()].filter((t) => groupsDue || !t.group);
    for (const w of wanted) targets.delete(`${w.conversationId}:${w.userId}`);
    if (groupsDue && wanted.some((w) => w.group)) groupsWrittenAt = Date.now();
    const busy =
      wanted.length === 0
        ? []
        : await infra.transactor(async (trx, emit) => {
            const at = new Date();
            const result = await advanceDeliveredMany(trx, wanted, at);
            for (const move of result.moved) {
              if (move.type !== 'direct' || move.peers.length === 0) continue;
              emit({
                type: 'message.delivered',
                data: watermarkEvent(move.conversationId, move.userId, move.seq, at),
                to: move.peers,
              });
            }
            return result.busy;
          });
    const byKey = new Map(wanted.map((w) => [`${w.conversationId}:${w.userId}`, w]));
    for (const b of busy) {
      const key = `${b.conversationId}:${b.userId}`;
      const target = byKey.get(key);
      if (target && !targets.has(key)) targets.set(key, target);
    }
    // A busy or held membership comes back in a later round, from `targets` (its ack's range is
    // empty now): returning its user keeps the rounds coming until it is written.
    return new Map([...targets.values()].map((t) => [t.userId, applied.get(t.userId) ?? 0]));
  }

  /** A client acknowledged every event up to `seq`; written with the node's next round of acks. */
  async function onAck(userId: string, seq: number): Promise<void> {
    if (!Number.isSafeInteger(seq) || seq < 1) return;
    await acks.submit(userId, seq);
  }

  /** Who (other than the sender) received and read a message, and when. */
  async function listReceipts(userId: string, messageId: string): Promise<ReceiptsDto> {
    const message = await findMessageById(db, messageId);
    if (!message || !(await findMembership(db, message.conversationId, userId))) throw notFound('Message');
    const base = { conversationId: message.conversationId, seq: Number(message.seq), excludeUserId: message.senderId };
    const [delivered, read] = await Promise.all([
      receiptsFor(db, { ...base, kind: 'delivered' }),
      receiptsFor(db, { ...base, kind: 'read' }),
    ]);
    const shape = (list: { userId: string; at: Date }[]) => list.map((r) => ({ userId: r.userId, at: r.at.toISOString() }));
    return { delivered: shape(delivered), read: shape(read) };
  }

  return {
    markMessageRead,
    markConversationRead,
    markDelivered,
    onAck,
    listReceipts,
    close: async () => {
      coalescer.close();
      closing = true;
      await acks.close();
    },
  };
}

import type { Emit, Transactor, Trx } from '../../events/transactor.js';
import { newId } from '../../lib/ids.js';
import {
  claimNextSeqs,
  directKey,
  findDirectConversationIds,
  findGroupAudiences,
  lockWatermarks,
  writeWatermarks,
  type WatermarkKind,
  type WatermarkState,
} from '../conversations/index.js';
import type { FilesPort, SocialPort } from '../ports.js';
import type { Settled } from './group-commit.js';
import { emitMessageEvent, senderView } from './message-writer.js';
import { toMessageDto } from './messages.presenter.js';
import { insertTextMessages, type MessageRecord } from './messages.repository.js';
import type { MessageDto } from './messages.schemas.js';
import { watermarkEvent } from './watermark-event.js';

/**
 * A text message without attachments, replies or mentions, to a friend (`recipientId`) or a group
 * (`groupId`, exactly one of the two): what group commit writes.
 */
export type TextSend = {
  senderId: string;
  text: string;
  clientMessageId: string | null;
} & ({ recipientId: string; groupId?: undefined } | { groupId: string; recipientId?: undefined });

export interface SendOutcome {
  message: MessageDto;
  created: boolean;
}

/** An item of the batch that will be written. */
interface Planned {
  index: number;
  send: TextSend;
  conversationId: string;
  /** Who gets `message.created`: both people of a direct chat, or the group's members. */
  audience: readonly string[];
  id: string;
}

type Receipt = { conversationId: string; userId: string; kind: WatermarkKind; upToSeq: number; at: Date };

/**
 * Writes a batch of text messages in one transaction of a few set-based statements, with the
 * same rows, events and answers as the one-message path (`appendMessage` and the send service):
 * friendship and blocks (direct) or membership (groups) for all in the transaction of the write,
 * consecutive seqs per conversation, one insert, the senders' watermarks, one event append for
 * everyone — so messages into a busy group share the per-member work (each member's event
 * counter is bumped once per batch, not once per message).
 *
 * What could fail one message is checked before anything is written, and that message is left
 * out and sent alone afterwards (`single`), which answers its error (not friends, blocked,
 * unknown user) or creates the conversation of a first message. Two items with the same
 * `clientMessageId` write one message: the later ones answer it with `created: false`, as a
 * retry does. Any error of the batch transaction itself (a unique violation from a retry that
 * committed elsewhere meanwhile, a deadlock) rolls it all back and every item is sent alone.
 */
export function createTextBatch(deps: {
  transactor: Transactor;
  social: SocialPort;
  files: FilesPort;
  single: (send: TextSend) => Promise<SendOutcome>;
}) {
  const { transactor, social, files, single } = deps;

  /** Where each message goes and who receives it, or undefined when it must be sent alone. */
  async function targets(trx: Trx, sends: readonly TextSend[]) {
    const direct = sends.flatMap((s) => (s.recipientId === undefined ? [] : [{ from: s.senderId, to: s.recipientId }]));
    const keys = direct.map((d) => directKey(d.from, d.to));
    const groupIds = [...new Set(sends.flatMap((s) => (s.groupId === undefined ? [] : [s.groupId])))];
    const [allowed, conversations, groups] = await Promise.all([
      direct.length > 0 ? social.mayMessageMany(direct, trx) : [],
      findDirectConversationIds(trx, keys),
      findGroupAudiences(trx, groupIds),
    ]);
    let d = 0;
    return sends.map((send) => {
      if (send.groupId !== undefined) {
        const group = groups.get(send.groupId);
        // Not a member (or no such group): the one-message path answers its 404.
        if (!group?.members.includes(send.senderId)) return undefined;
        return { conversationId: group.conversationId, audience: group.members };
      }
      const i = d++;
      const conversationId = conversations.get(keys[i]!);
      if (!allowed[i] || conversationId === undefined) return undefined;
      return { conversationId, audience: [send.senderId, send.recipientId] };
    });
  }

  async function plan(trx: Trx, sends: readonly TextSend[]) {
    const where = await targets(trx, sends);
    const planned: Planned[] = [];
    const alone: number[] = [];
    const repeats: { index: number; of: number }[] = [];
    const firstOf = new Map<string, number>();
    sends.forEach((send, index) => {
      const target = where[index];
      if (!target) return void alone.push(index);
      if (send.clientMessageId !== null) {
        const key = `${send.senderId}\n${send.clientMessageId}`;
        const first = firstOf.get(key);
        if (first !== undefined) return void repeats.push({ index, of: first });
        firstOf.set(key, index);
      }
      planned.push({ index, send, ...target, id: newId() });
    });
    return { planned, alone, repeats };
  }

  /** The senders' read and delivered watermarks move onto their messages, in seq order. */
  function moveWatermarks(
    locked: readonly WatermarkState[],
    record: MessageRecord,
    states: Map<string, WatermarkState>,
    receipts: Receipt[],
  ) {
    const key = `${record.conversationId}:${record.senderId}`;
    let state = states.get(key);
    if (!state) {
      const found = locked.find((l) => l.conversationId === record.conversationId && l.userId === record.senderId);
      if (!found) return undefined;
      states.set(key, (state = { ...found }));
    }
    const seq = Number(record.seq);
    let previousRead: number | undefined;
    for (const kind of ['delivered', 'read'] as const) {
      const column = kind === 'read' ? 'readSeq' : 'deliveredSeq';
      const prev = state[column];
      if (prev >= seq) continue;
      state[column] = seq;
      if (kind === 'read') previousRead = prev;
      // A move onto one's own message right after the previous one covers nobody else's message.
      if (prev < seq - 1)
        receipts.push({ conversationId: record.conversationId, userId: state.userId, kind, upToSeq: seq, at: record.createdAt });
    }
    return previousRead;
  }

  async function write(trx: Trx, emit: Emit, planned: readonly Planned[]): Promise<Map<number, MessageDto>> {
    const byConversation = new Map<string, Planned[]>();
    for (const p of planned) byConversation.set(p.conversationId, [...(byConversation.get(p.conversationId) ?? []), p]);
    const claimed = await claimNextSeqs(
      trx,
      [...byConversation].map(([conversationId, list]) => ({ conversationId, messageIds: list.map((p) => p.id) })),
    );
    const records = new Map<number, MessageRecord>();
    for (const [conversationId, list] of byConversation) {
      const claim = claimed.get(conversationId);
      if (!claim) throw new Error(`conversation ${conversationId} is missing`);
      list.forEach((p, k) =>
        records.set(p.index, {
          id: p.id,
          conversationId,
          seq: claim.firstSeq + k,
          senderId: p.send.senderId,
          recipientId: p.send.recipientId ?? null,
          type: 'text',
          text: p.send.text,
          replyToId: null,
          mentions: [],
          systemData: null,
          clientMessageId: p.send.clientMessageId,
          createdAt: claim.at,
          editedAt: null,
          deletedAt: null,
          groupId: p.send.groupId ?? null,
        }),
      );
    }
    const inOrder = planned.map((p) => records.get(p.index)!);
    await insertTextMessages(trx, inOrder);
    const memberships = [
      ...new Map(
        inOrder.map((r) => [`${r.conversationId}:${r.senderId}`, { conversationId: r.conversationId, userId: r.senderId! }]),
      ).values(),
    ];
    const locked = await lockWatermarks(trx, memberships);
    const states = new Map<string, WatermarkState>();
    const receipts: Receipt[] = [];
    const answers = new Map<number, MessageDto>();
    for (const p of planned) {
      const record = records.get(p.index)!;
      const previousRead = moveWatermarks(locked, record, states, receipts);
      const dto = toMessageDto(record, [], new Map(), null);
      await emitMessageEvent(trx, emit, files, 'message.created', record, p.audience, dto);
      // As in the one-message path: in a direct chat the peer learns that what lay between the
      // watermarks was read (groups have no such event: their readers are coalesced).
      if (p.send.recipientId !== undefined && previousRead !== undefined && previousRead < Number(record.seq) - 1) {
        const data = watermarkEvent(record.conversationId, p.send.senderId, Number(record.seq), record.createdAt);
        emit({ type: 'message.read', data, to: [p.send.senderId, p.send.recipientId] });
      }
      answers.set(p.index, senderView(record, dto));
    }
    await writeWatermarks(trx, [...states.values()], receipts);
    return answers;
  }

  async function flush(sends: readonly TextSend[]): Promise<Settled<SendOutcome>[]> {
    const outcomes = new Array<Settled<SendOutcome>>(sends.length);
    let alone: number[];
    try {
      alone = await transactor(async (trx, emit) => {
        const { planned, alone, repeats } = await plan(trx, sends);
        const answers = await write(trx, emit, planned);
        for (const [index, message] of answers) outcomes[index] = { ok: true, value: { message, created: true } };
        for (const { index, of } of repeats) outcomes[index] = { ok: true, value: { message: answers.get(of)!, created: false } };
        return alone;
      });
    } catch {
      // Nothing of the batch was committed: each message gets its own transaction and its own answer.
      alone = sends.map((_, index) => index);
    }
    // One after the other, so that two retries of one message among them find each other.
    for (const index of alone) {
      outcomes[index] = await single(sends[index]!).then(
        (value) => ({ ok: true as const, value }),
        (error: unknown) => ({ ok: false as const, error }),
      );
    }
    return outcomes;
  }

  return { flush };
}

import type { OperatorEvent, PendingEvent } from '../../events/catalog.js';

/** A notification a user may get if they do not ack the event that carried it in time. */
export interface PushCandidate {
  userId: string;
  /** Notifications with one topic coalesce (one per conversation, one per friend request). */
  topic: string;
  /** The recipient's seq of the carrying event: an ack up to it cancels the push. */
  seq: number;
  kind: 'message' | 'mention' | 'friend_request' | 'friend_accepted' | 'group_added';
  data: Record<string, unknown>;
  /** Direct messages and mentions: `Urgency: high`, and mentions reach muted conversations. */
  urgent: boolean;
  mention: boolean;
  conversationId: string | null;
}

type Row = Record<string, unknown>;

/** The pushes a transaction's events call for: never to the one who acted. */
export function pushCandidates(
  events: readonly (PendingEvent | OperatorEvent)[],
  seqs: readonly Map<string, number>[],
): PushCandidate[] {
  const out: PushCandidate[] = [];
  events.forEach((event, index) => {
    const to = seqs[index];
    if (!to || to.size === 0) return;
    const data = (event.data ?? {}) as Row;
    const add = (userId: string, candidate: Omit<PushCandidate, 'userId' | 'seq'>) => {
      const seq = to.get(userId);
      if (seq !== undefined) out.push({ userId, seq, ...candidate });
    };
    switch (event.type) {
      case 'message.created': {
        if (data.type !== 'text' || typeof data.senderId !== 'string') return;
        const mentions = Array.isArray(data.mentions) ? (data.mentions as string[]) : [];
        const conversationId = String(data.conversationId);
        for (const userId of to.keys()) {
          if (userId === data.senderId) continue;
          const mention = mentions.includes(userId);
          const message = {
            messageId: data.id,
            conversationId,
            groupId: data.groupId ?? null,
            senderId: data.senderId,
            text: data.text ?? null,
            attachments: Array.isArray(data.attachments) ? data.attachments.length : 0,
          };
          add(userId, {
            topic: conversationId,
            kind: mention ? 'mention' : 'message',
            data: message,
            urgent: data.groupId === null || mention,
            mention,
            conversationId,
          });
        }
        return;
      }
      case 'friend.request_received': {
        const from = data.from as Row;
        for (const userId of to.keys())
          add(userId, {
            topic: String(from.id),
            kind: 'friend_request',
            data: { from },
            urgent: false,
            mention: false,
            conversationId: null,
          });
        return;
      }
      case 'friend.request_accepted': {
        const [from, by] = [data.from as Row, data.to as Row];
        add(String(from.id), {
          topic: String(by.id),
          kind: 'friend_accepted',
          data: { by },
          urgent: false,
          mention: false,
          conversationId: null,
        });
        return;
      }
      case 'group.created':
      case 'group.member_added': {
        const group = data.group as Row;
        const added =
          event.type === 'group.member_added' ? [String(data.userId)] : [...to.keys()].filter((id) => id !== group.ownerId);
        for (const userId of added)
          add(userId, {
            topic: String(group.conversationId),
            kind: 'group_added',
            data: { groupId: group.id, conversationId: group.conversationId, name: group.name },
            urgent: false,
            mention: false,
            conversationId: null,
          });
        return;
      }
      default:
        return;
    }
  });
  return out;
}

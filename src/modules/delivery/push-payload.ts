import type { PendingRow } from './push.repository.js';

/** What a notification carries (the Web Push payload, JSON; gateways get it as Matrix fields). */
export interface PushPayload {
  type: string;
  title: string;
  body: string | null;
  conversationId: string | null;
  groupId: string | null;
  messageId: string | null;
  /** Conversations with unread messages. */
  badge: number;
  /** Sender of a message (not in the Web Push payload's contract, used by gateways). */
  senderId?: string | null;
  groupName?: string | null;
  /** Notifications coalesced into this one. */
  count: number;
}

export interface PayloadContext {
  names: Map<string, string>;
  groups: Map<string, string>;
  badge: number;
  includeContent: boolean;
}

const str = (value: unknown): string | null => (typeof value === 'string' ? value : null);

/** Renders a waiting push; without content, no message text (nor a group's name) leaves the server. */
export function renderPush(row: PendingRow, ctx: PayloadContext): PushPayload {
  const d = row.data;
  const base = { badge: ctx.badge, count: row.count, conversationId: null, groupId: null, messageId: null };
  switch (row.kind) {
    case 'message':
    case 'mention': {
      const groupId = str(d.groupId);
      const sender = ctx.names.get(str(d.senderId) ?? '') ?? 'Someone';
      const group = groupId ? (ctx.groups.get(groupId) ?? null) : null;
      const more = row.count > 1 ? ` (+${row.count - 1} more)` : '';
      const text = str(d.text) ?? (Number(d.attachments) > 0 ? 'Sent an attachment' : '');
      const generic = row.kind === 'mention' ? 'Mentioned you' : row.count > 1 ? `${row.count} new messages` : 'New message';
      return {
        ...base,
        type: row.kind,
        title: ctx.includeContent && group ? `${sender} in ${group}` : sender,
        body: ctx.includeContent ? `${text}${more}` : generic,
        conversationId: str(d.conversationId),
        groupId,
        messageId: str(d.messageId),
        senderId: str(d.senderId),
        groupName: ctx.includeContent ? group : null,
      };
    }
    case 'friend_request':
    case 'friend_accepted': {
      const who = (row.kind === 'friend_request' ? d.from : d.by) as Record<string, unknown> | undefined;
      const name = str(who?.displayName) ?? str(who?.username) ?? 'Someone';
      return {
        ...base,
        type: row.kind,
        title: name,
        body: row.kind === 'friend_request' ? 'Sent you a friend request' : 'Accepted your friend request',
        senderId: str(who?.id),
      };
    }
    default:
      return {
        ...base,
        type: row.kind,
        title: ctx.includeContent ? (str(d.name) ?? 'A group') : 'A group',
        body: 'Added you to a group',
        conversationId: str(d.conversationId),
        groupId: str(d.groupId),
      };
  }
}

/** A test notification (POST /push/test). */
export function testPush(badge: number): PushPayload {
  return {
    type: 'test',
    title: 'Test notification',
    body: 'Push notifications work',
    conversationId: null,
    groupId: null,
    messageId: null,
    badge,
    count: 1,
  };
}

/**
 * The most plaintext one Web Push message may carry: push services need not take a body over
 * 4096 bytes (RFC 8030 §7.2, and the big ones refuse it with 413), which after the `aes128gcm`
 * header (86 bytes), the delimiter and the tag leaves 3993 (RFC 8291 §4).
 */
export const WEB_PUSH_MAX_PLAINTEXT = 3993;

/**
 * The Web Push payload of the contract, as JSON of at most `WEB_PUSH_MAX_PLAINTEXT` bytes: a
 * long message text (4000 characters may be 16 KB) is cut, whole characters only, with `…`.
 */
export function webPushJson(payload: PushPayload): string {
  const { type, title, body, conversationId, groupId, messageId, badge } = payload;
  const json = (text: string | null) => JSON.stringify({ type, title, body: text, conversationId, groupId, messageId, badge });
  const fits = (text: string | null) => Buffer.byteLength(json(text)) <= WEB_PUSH_MAX_PLAINTEXT;
  if (body === null || fits(body)) return json(body);
  const chars = Array.from(body);
  const cut = (keep: number) => `${chars.slice(0, keep).join('')}…`;
  // The longest prefix that fits (the size grows with the prefix).
  let [low, high] = [0, chars.length];
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (fits(cut(mid))) low = mid;
    else high = mid - 1;
  }
  return json(cut(low));
}

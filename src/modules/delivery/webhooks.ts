import { createHmac } from 'node:crypto';
import type { OperatorEvent, PendingEvent } from '../../events/catalog.js';

/** The body of one webhook: one per domain event, whoever received it. */
export interface WebhookBody {
  type: string;
  timestamp: string;
  data: unknown;
}

type Emitted = PendingEvent | OperatorEvent;
type Row = Record<string, unknown>;

/**
 * What the operator's backend hears of a transaction's events. Clients get per-recipient copies
 * (the sender's message has `clientMessageId`, each member's group has `myRole`, each side of an
 * ended friendship names the other); the webhook gets one neutral copy per domain event.
 */
export function webhookBodies(events: readonly Emitted[], wanted: readonly string[], now = new Date()): WebhookBody[] {
  const seen = new Map<string, WebhookBody>();
  for (const event of events) {
    if (!wanted.includes(event.type)) continue;
    const shaped = neutral(event);
    if (!shaped) continue;
    const [key, data] = shaped;
    if (!seen.has(`${event.type}:${key}`))
      seen.set(`${event.type}:${key}`, { type: event.type, timestamp: now.toISOString(), data });
  }
  return [...seen.values()];
}

function neutral(event: Emitted): [key: string, data: unknown] | undefined {
  const data = (event.data ?? {}) as Row;
  switch (event.type) {
    case 'message.created':
    case 'message.updated':
    case 'message.deleted': {
      const { clientMessageId: _own, status: _status, ...message } = data;
      return [String(data.id), message];
    }
    case 'friend.request_accepted':
      return [String(data.id), data];
    case 'friend.removed': {
      const users = [String(data.userId), ...(event.to ?? [])].sort();
      return [users.join(':'), { userIds: users }];
    }
    case 'group.created':
    case 'group.updated':
    case 'group.member_added':
    case 'group.member_removed': {
      const { myRole: _role, ...group } = data.group as Row;
      const extra = data.userId === undefined ? {} : { userId: data.userId };
      return [`${String(group.id)}:${String(data.userId)}`, { group, ...extra }];
    }
    case 'user.created':
    case 'user.deleted':
      return [String(data.id), data];
    default:
      return undefined;
  }
}

/** Standard Webhooks: `v1,` + base64 HMAC-SHA256 of `<id>.<timestamp>.<body>` with the decoded secret. */
export function signWebhook(secret: Buffer, id: string, timestamp: number, body: string): string {
  return `v1,${createHmac('sha256', secret).update(`${id}.${timestamp}.${body}`).digest('base64')}`;
}

export function webhookHeaders(secret: Buffer, id: string, body: string, now = Date.now()): Record<string, string> {
  const timestamp = Math.floor(now / 1000);
  return {
    'content-type': 'application/json',
    'webhook-id': id,
    'webhook-timestamp': String(timestamp),
    'webhook-signature': signWebhook(secret, id, timestamp, body),
  };
}

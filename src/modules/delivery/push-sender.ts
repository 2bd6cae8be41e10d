import type { KeyObject } from 'node:crypto';
import type { DeliveryConfig } from '../../config.js';
import type { DeliveryRow } from './deliveries.repository.js';
import type { SubscriptionRow } from './push.repository.js';
import { webPushJson, type PushPayload } from './push-payload.js';
import { safePost, type Resolver, type SafeResponse } from './safe-fetch.js';
import { webPushRequest } from './web-push.js';

export type Outcome =
  { kind: 'ok' } | { kind: 'gone' } | { kind: 'drop'; error: string } | { kind: 'retry'; error: string; retryAfterMs?: number };

/** `Retry-After` as seconds or an HTTP date, in ms (undefined when absent or unreadable). */
export function retryAfterMs(value: string | string[] | undefined, now = Date.now()): number | undefined {
  const raw = Array.isArray(value) ? value[0] : value;
  if (!raw) return undefined;
  if (/^\d+$/.test(raw.trim())) return Number(raw.trim()) * 1000;
  const at = Date.parse(raw);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/** How a non-2xx answer is handled: 429 and 5xx retried (honouring Retry-After). */
export function httpOutcome(response: SafeResponse): Outcome {
  const { status } = response;
  if (status >= 200 && status < 300) return { kind: 'ok' };
  const retryAfter = retryAfterMs(response.headers['retry-after']);
  return {
    kind: 'retry',
    error: `HTTP ${status}`,
    ...(status === 429 && retryAfter !== undefined ? { retryAfterMs: retryAfter } : {}),
  };
}

/** Sends one queued push; `resolve` stands in for DNS in tests (the system's resolver otherwise). */
export function createPushSender(config: DeliveryConfig, vapidKey: KeyObject, resolve?: Resolver) {
  const timeoutMs = config.timeoutSeconds * 1000;

  async function webPush(sub: SubscriptionRow, delivery: DeliveryRow): Promise<Outcome> {
    const payload = webPushJson(JSON.parse(delivery.payload) as PushPayload);
    const request = webPushRequest({ endpoint: sub.target, p256dh: sub.p256dh ?? '', auth: sub.auth ?? '' }, payload, {
      keys: config.vapid,
      key: vapidKey,
      topic: delivery.topic,
      urgent: delivery.urgent,
    });
    const response = await safePost(
      sub.target,
      { ...request, timeoutMs },
      {
        allowLoopback: config.allowPrivateEndpoints,
        resolve,
      },
    );
    if (response.status === 404 || response.status === 410) return { kind: 'gone' };
    if ([400, 401, 403, 413].includes(response.status)) return { kind: 'drop', error: `HTTP ${response.status}` };
    return httpOutcome(response);
  }

  async function gateway(sub: SubscriptionRow, delivery: DeliveryRow): Promise<Outcome> {
    const url = sub.gatewayUrl ?? '';
    if (!config.pushGateways.includes(url)) return { kind: 'drop', error: 'gateway no longer allowed' };
    const payload = JSON.parse(delivery.payload) as PushPayload;
    const body = JSON.stringify({
      notification: {
        event_id: payload.messageId ?? delivery.id,
        room_id: payload.conversationId,
        type: payload.type,
        sender: payload.senderId,
        sender_display_name: payload.title,
        room_name: payload.groupName,
        prio: delivery.urgent ? 'high' : 'low',
        ...(config.pushIncludeContent && payload.body ? { content: { msgtype: 'm.text', body: payload.body } } : {}),
        counts: { unread: payload.badge },
        devices: [{ app_id: sub.appId, pushkey: sub.target, pushkey_ts: Math.floor(sub.createdAt.getTime() / 1000) }],
      },
    });
    const response = await safePost(
      url,
      { headers: { 'content-type': 'application/json' }, body, timeoutMs },
      { allowLoopback: true, trusted: true, resolve },
    );
    const outcome = httpOutcome(response);
    if (outcome.kind !== 'ok')
      return response.status >= 400 && response.status < 500 && response.status !== 429
        ? { kind: 'drop', error: `HTTP ${response.status}` }
        : outcome;
    try {
      const rejected = (JSON.parse(response.body) as { rejected?: unknown }).rejected;
      if (Array.isArray(rejected) && rejected.includes(sub.target)) return { kind: 'gone' };
    } catch {
      // A gateway that answers 200 without JSON still took the notification.
    }
    return outcome;
  }

  return {
    send: (sub: SubscriptionRow, delivery: DeliveryRow): Promise<Outcome> =>
      sub.type === 'webpush' ? webPush(sub, delivery) : gateway(sub, delivery),
  };
}

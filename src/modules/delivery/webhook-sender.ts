import type { DeliveryConfig } from '../../config.js';
import type { DeliveryRow } from './deliveries.repository.js';
import { httpOutcome, type Outcome } from './push-sender.js';
import { safePost, type Resolver } from './safe-fetch.js';
import { webhookHeaders } from './webhooks.js';

/**
 * Sends one queued webhook, signed afresh at each attempt (a new timestamp, the same
 * `webhook-id`); `resolve` stands in for DNS in tests.
 */
export function createWebhookSender(config: DeliveryConfig, resolve?: Resolver) {
  return async (delivery: DeliveryRow): Promise<Outcome> => {
    if (!config.webhookUrl || !config.webhookSecret) return { kind: 'drop', error: 'webhooks are not configured' };
    const response = await safePost(
      config.webhookUrl,
      {
        headers: webhookHeaders(config.webhookSecret, `msg_${delivery.id}`, delivery.payload),
        body: delivery.payload,
        timeoutMs: config.timeoutSeconds * 1000,
      },
      // The operator's own URL: checked like a user's endpoint in production only.
      config.allowPrivateEndpoints ? { allowLoopback: true, trusted: true, resolve } : { allowLoopback: false, resolve },
    );
    return httpOutcome(response);
  };
}

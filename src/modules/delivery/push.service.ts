import type { Db } from '../../db/database.js';
import type { DeliveryConfig } from '../../config.js';
import type { Transactor } from '../../events/transactor.js';
import { AppError, notFound } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { insertDeliveries } from './deliveries.repository.js';
import * as repo from './push.repository.js';
import { testPush } from './push-payload.js';
import type { PushSubscriptionDto, Subscribe } from './push.schemas.js';
import { checkEndpoint, EndpointRefused } from './safe-fetch.js';
import { validSubscriptionKeys } from './web-push.js';

export const MAX_SUBSCRIPTIONS = 10;

export interface PushServiceDeps {
  db: Db;
  transactor: Transactor;
  config: DeliveryConfig;
  /** `count` deliveries were queued (counted, and the worker woken). */
  queued(count: number): void;
}

function toDto(row: repo.SubscriptionRow): PushSubscriptionDto {
  return {
    id: row.id,
    type: row.type,
    createdAt: row.createdAt.toISOString(),
    lastSuccessAt: row.lastSuccessAt?.toISOString() ?? null,
  };
}

export function createPushService(deps: PushServiceDeps) {
  const { db, config } = deps;
  const enabled = () => {
    if (!config.pushEnabled) throw new AppError('not_found', 'Push notifications are disabled on this server');
  };

  /** The target and keys of a subscription, checked: a Web Push endpoint must be https on a public address. */
  async function checked(input: Subscribe) {
    if (input.type === 'gateway') {
      if (!config.pushGateways.includes(input.gatewayUrl))
        throw new AppError('bad_request', 'gatewayUrl is not one of this server’s push gateways');
      return { target: input.pushkey, p256dh: null, auth: null, gatewayUrl: input.gatewayUrl, appId: input.appId };
    }
    try {
      await checkEndpoint(input.endpoint, { allowLoopback: config.allowPrivateEndpoints });
    } catch (err) {
      if (err instanceof EndpointRefused) throw new AppError('bad_request', `The endpoint is refused: ${err.message}`);
      throw err;
    }
    if (!validSubscriptionKeys(input.keys.p256dh, input.keys.auth))
      throw new AppError('bad_request', 'keys.p256dh or keys.auth is not a valid key');
    return { target: input.endpoint, p256dh: input.keys.p256dh, auth: input.keys.auth, gatewayUrl: null, appId: null };
  }

  return {
    vapidKey(): { publicKey: string } {
      enabled();
      return { publicKey: config.vapid.publicKey };
    },

    /** Adds a subscription, or updates the one with the same endpoint or pushkey (`created: false`). */
    async subscribe(userId: string, input: Subscribe): Promise<{ created: boolean; subscription: PushSubscriptionDto }> {
      enabled();
      const { target, ...keys } = await checked(input);
      return deps.transactor(async (trx) => {
        const existing = await repo.findByTarget(trx, userId, input.type, target);
        if (existing) return { created: false, subscription: toDto(await repo.updateSubscriptionKeys(trx, existing.id, keys)) };
        if ((await repo.countSubscriptions(trx, userId)) >= MAX_SUBSCRIPTIONS) {
          throw new AppError('conflict', `At most ${MAX_SUBSCRIPTIONS} push subscriptions per user; delete one first`);
        }
        const row = await repo.insertSubscription(trx, { id: newId(), userId, type: input.type, target, ...keys });
        return { created: true, subscription: toDto(row) };
      });
    },

    async listSubscriptions(userId: string): Promise<{ subscriptions: PushSubscriptionDto[] }> {
      enabled();
      return { subscriptions: (await repo.listSubscriptions(db, userId)).map(toDto) };
    },

    async unsubscribe(userId: string, id: string): Promise<void> {
      enabled();
      if (!(await repo.deleteSubscription(db, id, userId))) throw notFound('Push subscription');
    },

    /** Queues a test notification to each of the caller's subscriptions. */
    async sendTest(userId: string): Promise<void> {
      enabled();
      const count = await deps.transactor(async (trx) => {
        const subscriptions = await repo.listSubscriptions(trx, userId);
        const payload = JSON.stringify(testPush(await repo.unreadConversations(trx, userId)));
        await insertDeliveries(
          trx,
          subscriptions.map((sub) => ({
            id: newId(),
            kind: 'push' as const,
            subscriptionId: sub.id,
            payload,
            topic: 'test',
            urgent: false,
          })),
        );
        return subscriptions.length;
      });
      deps.queued(count);
    },
  };
}

export type PushService = ReturnType<typeof createPushService>;

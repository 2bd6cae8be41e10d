import type { FastifyInstance } from 'fastify';
import type { Registry } from 'prom-client';
import type { Infra } from '../../infra.js';
import type { AccountDeletionHook, PresencePort } from '../ports.js';
import { countQueued } from './deliveries.repository.js';
import { createDeliveryMetrics } from './delivery.metrics.js';
import { startDeliveryWorker } from './delivery-worker.js';
import { createDeliverySink } from './event-sink.js';
import { createAckCanceller } from './ack-canceller.js';
import { deleteUserPushState } from './push.repository.js';
import { pushRoutes } from './push.routes.js';
import { createPushSender } from './push-sender.js';
import { createPushService } from './push.service.js';
import { createWebhookSender } from './webhook-sender.js';
import { vapidPrivateKey } from './web-push.js';

export { WEBHOOK_EVENT_TYPES } from '../../config.js';

/**
 * Push notifications and webhooks: an event sink that queues them with the events, a worker on
 * every node that delivers them at least once, the `/push` routes, and the ack hook that
 * cancels a push the user already saw.
 */
export function createDeliveryModule(infra: Infra, deps: { presence: PresencePort; registry: Registry | undefined }) {
  const config = infra.config.delivery;
  const db = infra.database.db;
  const log = infra.log.child({ module: 'delivery' });
  const metrics = createDeliveryMetrics(deps.registry, () => countQueued(db));
  const pushSender = createPushSender(config, vapidPrivateKey(config.vapid));
  const worker = startDeliveryWorker({
    db,
    transactor: infra.transactor,
    config,
    metrics,
    log,
    sendWebhook: createWebhookSender(config),
    sendPush: (sub, delivery) => pushSender.send(sub, delivery),
  });
  infra.eventSinks.push(createDeliverySink({ db, config, presence: deps.presence, metrics, wake: worker.wake, log }));
  const acks = createAckCanceller(db, log);
  const queued = (count: number) => {
    metrics.queued.inc({ kind: 'push' }, count);
    worker.wake();
  };
  const push = createPushService({ db, transactor: infra.transactor, config, queued });

  const onAccountDeleted: AccountDeletionHook = async (trx, emit, userId) => {
    await deleteUserPushState(trx, userId);
    emit({ type: 'user.deleted', data: { id: userId } });
  };

  return {
    push,
    onAccountDeleted,
    /** An ack from any connection of the user cancels the waiting pushes its events carried. */
    async onAck(userId: string, seq: number): Promise<void> {
      if (config.pushEnabled) acks.submit(userId, seq);
    },
    async register(app: FastifyInstance): Promise<void> {
      app.addHook('onClose', async () => {
        await acks.close();
        await worker.stop();
      });
      await app.register(pushRoutes, { push });
    },
  };
}

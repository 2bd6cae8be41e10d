import type { Db } from '../../db/database.js';
import type { DeliveryConfig } from '../../config.js';
import type { EventSink } from '../../events/transactor.js';
import { newId } from '../../lib/ids.js';
import type { PresencePort } from '../ports.js';
import { insertDeliveries } from './deliveries.repository.js';
import type { DeliveryMetrics } from './delivery.metrics.js';
import { pushCandidates } from './push-candidates.js';
import { dueNow, upsertPending } from './push.repository.js';
import { webhookBodies } from './webhooks.js';

export interface SinkDeps {
  db: Db;
  config: DeliveryConfig;
  presence: PresencePort;
  metrics: DeliveryMetrics;
  wake(): void;
  log: { warn(obj: unknown, msg?: string): void };
}

/**
 * Enqueues, in the transaction that writes the events, one webhook per domain event and the
 * pushes its recipients may need (so a crash can lose neither). After commit, users with no
 * connection anywhere do not wait for an ack: their pushes fall due at once.
 */
export function createDeliverySink(deps: SinkDeps): EventSink {
  const { config } = deps;
  return {
    async inTransaction(trx, events, seqs) {
      let queued = false;
      if (config.webhookUrl) {
        const bodies = webhookBodies(events, config.webhookEvents);
        await insertDeliveries(
          trx,
          bodies.map((body) => ({
            id: newId(),
            kind: 'webhook',
            subscriptionId: null,
            payload: JSON.stringify(body),
            topic: null,
            urgent: false,
          })),
        );
        deps.metrics.queued.inc({ kind: 'webhook' }, bodies.length);
        queued = bodies.length > 0;
      }
      const candidates = config.pushEnabled ? pushCandidates(events, seqs) : [];
      const waiting = candidates.length > 0 ? await upsertPending(trx, candidates, config.pushDelaySeconds) : [];
      if (!queued && waiting.length === 0) return;
      return () => {
        if (waiting.length === 0 || config.pushDelaySeconds === 0) return deps.wake();
        void hurryOffline(waiting).catch((err: unknown) => deps.log.warn({ err }, 'push scheduling failed'));
        if (queued) deps.wake();
      };
    },
  };

  async function hurryOffline(userIds: string[]): Promise<void> {
    const presence = await deps.presence.lookup(userIds);
    const offline = userIds.filter((id) => !presence.get(id)?.online);
    if (offline.length === 0) return;
    await dueNow(deps.db, offline);
    deps.wake();
  }
}

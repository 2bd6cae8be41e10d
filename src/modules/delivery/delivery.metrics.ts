import { Counter, Gauge, Histogram, type Registry } from 'prom-client';

export interface DeliveryMetrics {
  queued: Counter<'kind'>;
  sent: Counter<'kind'>;
  failed: Counter<'kind' | 'outcome'>;
  removed: Counter;
  latency: Histogram<'kind'>;
  backlog: Gauge;
}

/** Push and webhook delivery metrics; `registry` is the app's (absent in unit use: a private one). */
export function createDeliveryMetrics(registry: Registry | undefined, backlog: () => Promise<number>): DeliveryMetrics {
  const registers = registry ? [registry] : [];
  return {
    queued: new Counter({
      name: 'chat_deliveries_queued_total',
      help: 'Deliveries queued (push, webhook)',
      labelNames: ['kind'],
      registers,
    }),
    sent: new Counter({
      name: 'chat_deliveries_sent_total',
      help: 'Deliveries accepted by the receiver',
      labelNames: ['kind'],
      registers,
    }),
    failed: new Counter({
      name: 'chat_deliveries_failed_total',
      help: 'Failed attempts (outcome=retry) and deliveries given up (outcome=dropped)',
      labelNames: ['kind', 'outcome'],
      registers,
    }),
    removed: new Counter({
      name: 'chat_push_subscriptions_removed_total',
      help: 'Push subscriptions removed because the push service or gateway refused them',
      registers,
    }),
    latency: new Histogram({
      name: 'chat_delivery_latency_seconds',
      help: 'From queued to accepted by the receiver',
      labelNames: ['kind'],
      buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 3600],
      registers,
    }),
    backlog: new Gauge({
      name: 'chat_deliveries_backlog',
      help: 'Deliveries waiting in the queue (all nodes)',
      registers,
      async collect() {
        this.set(await backlog().catch(() => 0));
      },
    }),
  };
}

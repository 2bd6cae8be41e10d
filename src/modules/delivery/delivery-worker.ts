import type { Db } from '../../db/database.js';
import type { DeliveryConfig } from '../../config.js';
import type { Transactor } from '../../events/transactor.js';
import { newId } from '../../lib/ids.js';
import * as queue from './deliveries.repository.js';
import type { DeliveryMetrics } from './delivery.metrics.js';
import * as push from './push.repository.js';
import { renderPush } from './push-payload.js';
import type { Outcome } from './push-sender.js';

/** Deliveries given up on after this long (a day of retries). */
export const MAX_AGE_MS = 86_400_000;
const MAX_BACKOFF_MS = 3_600_000;
const BATCH = 20;
const POLL_MS = 1000;

export interface WorkerDeps {
  db: Db;
  transactor: Transactor;
  config: DeliveryConfig;
  metrics: DeliveryMetrics;
  log: { warn(obj: unknown, msg?: string): void };
  sendWebhook(delivery: queue.DeliveryRow): Promise<Outcome>;
  sendPush(subscription: push.SubscriptionRow, delivery: queue.DeliveryRow): Promise<Outcome>;
}

/** Exponential backoff with full jitter over [delay/2, delay]: base · 2^(attempt-1), at most an hour. */
export function backoffMs(baseMs: number, attempts: number, random = Math.random): number {
  const delay = Math.min(MAX_BACKOFF_MS, baseMs * 2 ** Math.max(0, attempts - 1));
  return Math.round(delay / 2 + (random() * delay) / 2);
}

/**
 * How long a failed attempt waits: the backoff, or longer when the endpoint's `Retry-After` asks
 * for more. `Retry-After` is a minimum, never a shortcut: a `0` (or a date in the past) repeated
 * by an endpoint would otherwise retry at once, round after round.
 */
export function retryDelayMs(baseMs: number, attempts: number, retryAfterMs?: number, random = Math.random): number {
  return Math.max(retryAfterMs ?? 0, backoffMs(baseMs, attempts, random));
}

/**
 * The delivery loop of one node: turns waiting pushes that fell due into deliveries (one per
 * subscription), then claims due deliveries and sends them. Runs every second and whenever
 * `wake` is called (something was queued on this node); several nodes share the tables safely.
 */
export function startDeliveryWorker(deps: WorkerDeps) {
  const { db, config, metrics } = deps;
  const leaseMs = config.timeoutSeconds * 2000 + 2000;
  let running: Promise<void> | undefined;
  let again = false;
  let stopped = false;

  async function planPushes(): Promise<void> {
    for (;;) {
      const taken = await db.transaction().execute(async (trx) => {
        const due = await push.takeDuePending(trx, BATCH);
        if (due.length === 0) return 0;
        const users = [...new Set(due.map((row) => row.userId))];
        const subscriptions = await push.subscriptionsOf(trx, users);
        const senders = due.map((row) => row.data.senderId).filter((id): id is string => typeof id === 'string');
        const names = await push.displayNames(trx, senders);
        const groups = await push.groupNames(
          trx,
          due.map((row) => row.data.groupId).filter((id): id is string => typeof id === 'string'),
        );
        const badges = new Map<string, number>();
        for (const userId of users) badges.set(userId, await push.unreadConversations(trx, userId));
        const rows: queue.NewDelivery[] = [];
        for (const row of due) {
          const payload = JSON.stringify(
            renderPush(row, { names, groups, badge: badges.get(row.userId) ?? 0, includeContent: config.pushIncludeContent }),
          );
          for (const sub of subscriptions.filter((s) => s.userId === row.userId))
            rows.push({ id: newId(), kind: 'push', subscriptionId: sub.id, payload, topic: row.topic, urgent: row.urgent });
        }
        await queue.insertDeliveries(trx, rows);
        metrics.queued.inc({ kind: 'push' }, rows.length);
        return due.length;
      });
      if (taken < BATCH) return;
    }
  }

  async function settle(delivery: queue.DeliveryRow, outcome: Outcome, subscription?: push.SubscriptionRow): Promise<void> {
    const kind = delivery.kind;
    if (outcome.kind === 'ok') {
      await queue.deleteDelivery(db, delivery.id);
      if (subscription) await push.markSuccess(db, subscription.id);
      metrics.sent.inc({ kind });
      metrics.latency.observe({ kind }, (Date.now() - delivery.createdAt.getTime()) / 1000);
      return;
    }
    if (outcome.kind === 'gone' && subscription) {
      await deps.transactor(async (trx, emit) => {
        const removed = await push.deleteSubscription(trx, subscription.id, null);
        if (removed) emit({ type: 'push.subscription_removed', data: { id: removed.id }, to: [removed.userId] });
      });
      metrics.removed.inc();
      return;
    }
    const error = outcome.kind === 'gone' ? 'gone' : outcome.error;
    const wait = outcome.kind === 'retry' ? retryDelayMs(config.retryBaseMs, delivery.attempts, outcome.retryAfterMs) : -1;
    const at = Date.now() + wait;
    if (wait < 0 || at - delivery.createdAt.getTime() > MAX_AGE_MS) {
      await queue.deleteDelivery(db, delivery.id);
      metrics.failed.inc({ kind, outcome: 'dropped' });
      deps.log.warn({ deliveryId: delivery.id, kind, error }, 'delivery given up');
      return;
    }
    metrics.failed.inc({ kind, outcome: 'retry' });
    await queue.rescheduleDelivery(db, delivery.id, new Date(at), error);
  }

  async function deliver(delivery: queue.DeliveryRow): Promise<void> {
    let subscription: push.SubscriptionRow | undefined;
    let outcome: Outcome;
    try {
      if (delivery.kind === 'webhook') outcome = await deps.sendWebhook(delivery);
      else {
        subscription = delivery.subscriptionId ? await push.findSubscription(db, delivery.subscriptionId) : undefined;
        outcome = subscription ? await deps.sendPush(subscription, delivery) : { kind: 'drop', error: 'no subscription' };
      }
    } catch (err) {
      outcome = { kind: 'retry', error: err instanceof Error ? err.message : String(err) };
    }
    await settle(delivery, outcome, subscription);
  }

  async function tick(): Promise<void> {
    if (config.pushEnabled) await planPushes();
    for (;;) {
      const claimed = await queue.claimDue(db, BATCH, leaseMs);
      await Promise.all(claimed.map((d) => deliver(d).catch((err: unknown) => deps.log.warn({ err }, 'delivery failed'))));
      if (claimed.length < BATCH || stopped) return;
    }
  }

  function run(): void {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = tick()
      .catch((err: unknown) => deps.log.warn({ err }, 'delivery round failed'))
      .finally(() => {
        running = undefined;
        if (again) {
          again = false;
          run();
        }
      });
  }

  const timer = setInterval(run, POLL_MS);
  timer.unref();
  const first = setTimeout(run, 200);
  first.unref();
  return {
    wake: run,
    async stop(): Promise<void> {
      stopped = true;
      clearInterval(timer);
      clearTimeout(first);
      await running;
    },
  };
}

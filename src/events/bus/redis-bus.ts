import { Redis } from 'ioredis';
import type { Bus } from './bus.js';

/** Redis pub/sub between nodes. Channels are namespaced by `prefix`. */
export function createRedisBus(url: string, prefix: string, log: { warn(obj: unknown, msg?: string): void }): Bus {
  // Named connections make the bus visible in CLIENT LIST (names allow no spaces).
  const name = prefix.replace(/[^\w:.-]/g, '_');
  const pub = new Redis(url, {
    maxRetriesPerRequest: 2,
    lazyConnect: false,
    enableAutoPipelining: true,
    connectionName: `${name}:bus-pub`,
  });
  // No ready check on the subscriber: its INFO would be refused once the connection is in subscriber mode.
  const sub = new Redis(url, {
    maxRetriesPerRequest: null,
    lazyConnect: false,
    enableReadyCheck: false,
    connectionName: `${name}:bus-sub`,
  });
  const handlers = new Map<string, Set<(message: unknown) => void>>();
  const resubscribeHandlers: (() => void)[] = [];
  let firstReady = true;
  const full = (channel: string) => `${prefix}:${channel}`;

  for (const client of [pub, sub]) client.on('error', (err) => log.warn({ err }, 'redis error'));
  sub.on('ready', () => {
    if (firstReady) {
      firstReady = false;
      return;
    }
    // ioredis re-subscribes by itself; what was published while we were away is re-read from the log.
    for (const handler of resubscribeHandlers) handler();
  });
  sub.on('message', (channel: string, raw: string) => {
    const set = handlers.get(channel);
    if (!set) return;
    let message: unknown;
    try {
      message = JSON.parse(raw);
    } catch {
      return;
    }
    for (const handler of set) handler(message);
  });

  return {
    async publish(channel, message) {
      await pub.publish(full(channel), JSON.stringify(message));
    },
    subscribe(channel, handler) {
      const name = full(channel);
      let set = handlers.get(name);
      if (!set) {
        set = new Set();
        handlers.set(name, set);
        sub.subscribe(name).catch((err: unknown) => log.warn({ err }, 'redis subscribe failed'));
      }
      set.add(handler);
      return () => set.delete(handler);
    },
    onResubscribe(handler) {
      resubscribeHandlers.push(handler);
    },
    async ping() {
      await pub.ping();
    },
    async close() {
      handlers.clear();
      await Promise.allSettled([pub.quit(), sub.quit()]);
    },
  };
}

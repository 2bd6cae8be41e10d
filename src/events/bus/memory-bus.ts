import { EventEmitter } from 'node:events';
import type { Bus } from './bus.js';

/** The embedded-mode bus: one process, so an EventEmitter is the whole broker. */
export function createMemoryBus(): Bus {
  const emitter = new EventEmitter();
  emitter.setMaxListeners(0);
  return {
    async publish(channel, message) {
      // Delivered on a later tick, like a real broker, so publishers never run handlers inline.
      queueMicrotask(() => emitter.emit(channel, message));
    },
    subscribe(channel, handler) {
      emitter.on(channel, handler);
      return () => emitter.off(channel, handler);
    },
    onResubscribe() {},
    async ping() {},
    async close() {
      emitter.removeAllListeners();
    },
  };
}

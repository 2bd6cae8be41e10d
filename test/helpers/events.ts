import type { DurableEventType, PendingEvent } from '../../src/events/catalog.js';

/**
 * A durable event with a made-up `data`, for tests of the transport (log, hub, gateway), which
 * carries payloads without reading them. The catalog's types refuse such a payload on purpose.
 */
export function fillerEvent(
  to: readonly string[],
  data: Record<string, unknown>,
  type: DurableEventType = 'profile.updated',
): PendingEvent {
  return { type, data, to } as unknown as PendingEvent;
}

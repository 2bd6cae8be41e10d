/**
 * Wakes the nodes up; never the source of truth (that is the event log). Delivery is
 * fire-and-forget: a subscriber re-reads the log after `onResubscribe` to cover lost messages.
 */
export interface Bus {
  publish(channel: string, message: unknown): Promise<void>;
  subscribe(channel: string, handler: (message: unknown) => void): () => void;
  /** Called after the connection to the broker was lost and came back. */
  onResubscribe(handler: () => void): void;
  ping(): Promise<void>;
  close(): Promise<void>;
}

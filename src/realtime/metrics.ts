import { Counter, Gauge, type Registry } from 'prom-client';

export interface GatewayMetrics {
  opened(): void;
  closed(code: number): void;
  sent(kind: 'event' | 'ephemeral'): void;
}

/** Connection and frame counters on the app's Prometheus registry. */
export function createGatewayMetrics(registry: Registry, connections: () => number): GatewayMetrics {
  new Gauge({
    name: 'chat_ws_connections',
    help: 'Open WebSocket connections on this node',
    registers: [registry],
    collect() {
      this.set(connections());
    },
  });
  const opened = new Counter({ name: 'chat_ws_connections_opened_total', help: 'Authenticated WebSocket connections', registers: [registry] });
  const closed = new Counter({
    name: 'chat_ws_connections_closed_total',
    help: 'Closed WebSocket connections by close code',
    labelNames: ['code'] as const,
    registers: [registry],
  });
  const sent = new Counter({
    name: 'chat_ws_frames_sent_total',
    help: 'Frames pushed to clients: durable events and ephemeral frames',
    labelNames: ['kind'] as const,
    registers: [registry],
  });
  return {
    opened: () => opened.inc(),
    closed: (code) => closed.inc({ code: String(code) }),
    sent: (kind) => sent.inc({ kind }),
  };
}

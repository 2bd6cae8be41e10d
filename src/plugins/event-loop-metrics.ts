import { monitorEventLoopDelay } from 'node:perf_hooks';
import { Gauge, type Registry } from 'prom-client';

/** How often the event loop is sampled. */
const RESOLUTION_MS = 10;

/**
 * `chat_event_loop_delay_seconds{quantile="0.5"|"0.99"|"1"}`: how late the event loop ran its
 * timers since the previous scrape (median, 99th percentile, maximum). Anything that blocks the
 * loop — a runaway regular expression, a synchronous parse of a huge input — shows up here first,
 * for every request and socket the node serves. Returns the function that stops the sampling.
 */
export function registerEventLoopDelay(registry: Registry): () => void {
  const histogram = monitorEventLoopDelay({ resolution: RESOLUTION_MS });
  histogram.enable();
  new Gauge({
    name: 'chat_event_loop_delay_seconds',
    help: 'Event loop delay since the previous scrape: median, 99th percentile and maximum (quantile="1")',
    labelNames: ['quantile'] as const,
    registers: [registry],
    collect() {
      // Nanoseconds; an empty window (no sample yet) reads as 0 rather than the histogram's sentinel.
      const seconds = (ns: number) => (histogram.count > 0 && Number.isFinite(ns) ? ns / 1e9 : 0);
      this.set({ quantile: '0.5' }, seconds(histogram.percentile(50)));
      this.set({ quantile: '0.99' }, seconds(histogram.percentile(99)));
      this.set({ quantile: '1' }, seconds(histogram.max));
      histogram.reset();
    },
  });
  return () => histogram.disable();
}

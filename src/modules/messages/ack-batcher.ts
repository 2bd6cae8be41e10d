/**
 * Collects the acks of every connection on this node and hands them to `flush` together, at
 * most once per `intervalMs`: a thousand members acking a group message become one write instead
 * of a thousand. Per user only the highest seq is kept (an ack covers everything before it).
 * `flush` returns the acks it could not apply yet; they are retried in the next round.
 */
export function createAckBatcher(options: {
  intervalMs: number;
  flush: (acks: Map<string, number>) => Promise<Map<string, number>>;
  onError: (err: unknown) => void;
}) {
  let pending = new Map<string, number>();
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let closed = false;
  let waiters: (() => void)[] = [];

  function add(into: Map<string, number>, userId: string, seq: number): void {
    into.set(userId, Math.max(into.get(userId) ?? 0, seq));
  }

  function schedule(): void {
    if (timer || closed) return;
    timer = setTimeout(() => {
      timer = undefined;
      void run();
    }, options.intervalMs);
  }

  async function run(): Promise<void> {
    if (running) return running;
    const batch = pending;
    const done = waiters;
    pending = new Map();
    waiters = [];
    running = (async () => {
      try {
        if (batch.size > 0) for (const [userId, seq] of await options.flush(batch)) add(pending, userId, seq);
      } catch (err) {
        options.onError(err);
      } finally {
        running = undefined;
        for (const resolve of done) resolve();
        if (pending.size > 0) schedule();
      }
    })();
    return running;
  }

  return {
    /** Queues an ack; resolves once the round that carries it has been written. */
    submit(userId: string, seq: number): Promise<void> {
      add(pending, userId, seq);
      schedule();
      return new Promise((resolve) => waiters.push(resolve));
    },
    /** Writes what is queued (one last round; acks still locked elsewhere are dropped). */
    async close(): Promise<void> {
      closed = true;
      if (timer) clearTimeout(timer);
      timer = undefined;
      await running;
      await run();
    },
  };
}

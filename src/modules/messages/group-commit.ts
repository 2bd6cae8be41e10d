export type Settled<R> = { ok: true; value: R } | { ok: false; error: unknown };

/**
 * Queues work items and hands them to `flush` together: a flush starts as soon as the previous
 * one returns, with everything queued meanwhile (at most `maxBatch`). A lone item is flushed at
 * once, so nothing waits for a timer; under load the items that arrive while one transaction
 * commits share the next one. One flush at a time per process: it also keeps embedded mode's
 * single connection free for the requests that do not batch.
 */
export function createGroupCommit<T, R>(options: {
  maxBatch: number;
  /** Returns one outcome per item, in order; a throw fails every item of the batch. */
  flush: (items: readonly T[]) => Promise<Settled<R>[]>;
}) {
  let queue: { item: T; resolve: (value: R) => void; reject: (error: unknown) => void }[] = [];
  let running = false;

  function pump(): void {
    if (running || queue.length === 0) return;
    running = true;
    const batch = queue.slice(0, options.maxBatch);
    queue = queue.slice(batch.length);
    void options
      .flush(batch.map((b) => b.item))
      .then(
        (outcomes) =>
          batch.forEach((b, i) => {
            const outcome = outcomes[i];
            if (!outcome) b.reject(new Error('group commit returned no outcome'));
            else if (outcome.ok) b.resolve(outcome.value);
            else b.reject(outcome.error);
          }),
        (error: unknown) => batch.forEach((b) => b.reject(error)),
      )
      .finally(() => {
        running = false;
        pump();
      });
  }

  return {
    /** Queues an item; resolves or rejects with its own outcome once its batch has committed. */
    submit(item: T): Promise<R> {
      return new Promise<R>((resolve, reject) => {
        queue.push({ item, resolve, reject });
        pump();
      });
    },
  };
}

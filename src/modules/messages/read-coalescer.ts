interface Entry {
  at: number;
  emittedSeq: number;
  timer?: NodeJS.Timeout | undefined;
}

/**
 * `message.read` in groups goes out at most once per reader per conversation every `windowMs`:
 * the first move is announced at once, later ones within the window by one trailing event
 * (`flush`, which returns the seq it announced). State is per node; the watermark itself is exact.
 */
export function createReadCoalescer(
  windowMs: number,
  flush: (conversationId: string, userId: string, fromSeq: number) => Promise<number | undefined>,
) {
  const state = new Map<string, Entry>();
  let admits = 0;

  function sweep(now: number): void {
    for (const [key, entry] of state) if (!entry.timer && now - entry.at >= windowMs) state.delete(key);
  }

  function schedule(key: string, conversationId: string, userId: string, entry: Entry, delay: number): void {
    entry.timer = setTimeout(() => {
      entry.timer = undefined;
      entry.at = Date.now();
      flush(conversationId, userId, entry.emittedSeq)
        .then((seq) => {
          if (seq !== undefined) entry.emittedSeq = Math.max(entry.emittedSeq, seq);
        })
        .catch(() => state.delete(key));
    }, delay);
    entry.timer.unref();
  }

  return {
    /** Whether the caller emits now (recorded as such) and from which seq; otherwise a trailing flush is scheduled. */
    admit(conversationId: string, userId: string, previousSeq: number, seq: number): { emit: boolean; fromSeq: number } {
      const key = `${conversationId}:${userId}`;
      const now = Date.now();
      if (++admits % 1000 === 0) sweep(now);
      const entry = state.get(key);
      if (!entry || (now - entry.at >= windowMs && !entry.timer)) {
        state.set(key, { at: now, emittedSeq: seq });
        return { emit: true, fromSeq: Math.min(previousSeq, entry?.emittedSeq ?? previousSeq) };
      }
      if (!entry.timer) schedule(key, conversationId, userId, entry, Math.max(0, entry.at + windowMs - now));
      return { emit: false, fromSeq: entry.emittedSeq };
    },
    close(): void {
      for (const entry of state.values()) if (entry.timer) clearTimeout(entry.timer);
      state.clear();
    },
  };
}

export interface BackoffOptions {
  /** The first delay, in milliseconds (default 500). */
  baseMs?: number;
  /** The longest delay, in milliseconds (default 30 000). */
  maxMs?: number;
}

/**
 * Exponential backoff with jitter: between half and all of `base · 2^attempt` (capped), so
 * clients cut off together (a server restart) do not come back in one wave.
 */
export function backoffDelay(
  attempt: number,
  { baseMs = 500, maxMs = 30_000 }: BackoffOptions = {},
  random = Math.random,
): number {
  const cap = Math.min(maxMs, baseMs * 2 ** Math.min(attempt, 30));
  return Math.round(cap / 2 + (random() * cap) / 2);
}

/** A wait that `wake()` cuts short (the network came back, a reconnect succeeded). */
export class Sleeper {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private resolve: (() => void) | undefined;

  sleep(ms: number): Promise<void> {
    this.wake();
    return new Promise((resolve) => {
      this.resolve = resolve;
      this.timer = setTimeout(() => this.wake(), ms);
    });
  }

  wake(): void {
    clearTimeout(this.timer);
    const resolve = this.resolve;
    this.resolve = undefined;
    resolve?.();
  }
}

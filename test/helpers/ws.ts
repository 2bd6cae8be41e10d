import WebSocket from 'ws';

/** A frame as the server sends it. */
export interface Frame {
  type: string;
  seq?: number;
  data?: any;
}

/**
 * A real WebSocket client for tests: collects every frame and lets a test wait for the next one
 * matching a predicate.
 */
export class WsClient {
  readonly frames: Frame[] = [];
  closeCode: number | undefined;
  private readonly waiters = new Set<() => void>();
  private readonly closed: Promise<number>;

  private constructor(readonly socket: WebSocket) {
    socket.on('message', (raw: Buffer) => {
      this.frames.push(JSON.parse(raw.toString('utf8')) as Frame);
      for (const wake of this.waiters) wake();
    });
    this.closed = new Promise((resolve) => {
      socket.on('close', (code) => {
        this.closeCode = code;
        for (const wake of this.waiters) wake();
        resolve(code);
      });
    });
    socket.on('error', () => {});
  }

  /** Connects with `?token=` (and `since`), waiting for the `ready` frame unless `waitReady` is false. */
  static async connect(
    baseUrl: string,
    options: { token?: string; since?: number; headers?: Record<string, string>; waitReady?: boolean } = {},
  ): Promise<WsClient> {
    const url = new URL('/ws', baseUrl.replace(/^http/, 'ws'));
    if (options.token) url.searchParams.set('token', options.token);
    if (options.since !== undefined) url.searchParams.set('since', String(options.since));
    const client = new WsClient(new WebSocket(url, { headers: options.headers ?? {} }));
    await new Promise<void>((resolve, reject) => {
      client.socket.once('open', () => resolve());
      client.socket.once('error', reject);
      client.socket.once('unexpected-response', (_req, res) => reject(new Error(`upgrade refused: ${res.statusCode}`)));
    });
    if (options.waitReady !== false) await client.next((f) => f.type === 'ready');
    return client;
  }

  send(frame: unknown): void {
    this.socket.send(typeof frame === 'string' ? frame : JSON.stringify(frame));
  }

  /** Durable events received so far (frames with a seq), optionally of one type. */
  events(type?: string): Frame[] {
    return this.frames.filter((f) => f.seq !== undefined && (type === undefined || f.type === type));
  }

  /**
   * The first frame (from the start of the connection, or after `from`) matching `match`; waits up
   * to `timeoutMs` for it to arrive.
   */
  async next(match: (frame: Frame) => boolean, { timeoutMs = 5000, from = 0 } = {}): Promise<Frame> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.frames.slice(from).find(match);
      if (found) return found;
      if (this.closeCode !== undefined) throw new Error(`socket closed (${this.closeCode}) while waiting`);
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`timed out waiting for a frame; got: ${JSON.stringify(this.frames.map((f) => f.type))}`);
      await new Promise<void>((resolve) => {
        const wake = () => {
          this.waiters.delete(wake);
          clearTimeout(timer);
          resolve();
        };
        const timer = setTimeout(wake, left);
        this.waiters.add(wake);
      });
    }
  }

  /** Waits for the durable event of this type (optionally matching `match`). */
  event(type: string, match: (data: any) => boolean = () => true, timeoutMs = 5000): Promise<Frame> {
    return this.next((f) => f.seq !== undefined && f.type === type && match(f.data), { timeoutMs });
  }

  /** Resolves with the close code. */
  waitClose(timeoutMs = 5000): Promise<number> {
    return Promise.race([
      this.closed,
      new Promise<number>((_, reject) => setTimeout(() => reject(new Error('socket did not close')), timeoutMs).unref()),
    ]);
  }

  async close(): Promise<void> {
    if (this.closeCode !== undefined) return;
    this.socket.close();
    await this.closed;
  }
}

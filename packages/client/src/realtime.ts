import { backoffDelay, Sleeper, type BackoffOptions } from './backoff.js';
import { ApiError } from './errors.js';
import type { DurableEvent, EphemeralEvents, ReadyData } from './events.js';
import type { SessionManager } from './session.js';
import type { ClientStorage } from './storage.js';

/**
 * The part of the WHATWG WebSocket the client uses: the browsers' and Node 22's global one, or
 * `ws` in Node 20. Handlers take `never` so that any implementation's event types fit.
 */
export interface WebSocketLike {
  readonly readyState: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  onopen: ((event: never) => void) | null;
  onmessage: ((event: never) => void) | null;
  onclose: ((event: never) => void) | null;
  onerror: ((event: never) => void) | null;
}
export type WebSocketConstructor = new (url: string) => WebSocketLike;

export interface RealtimeOptions {
  /** Acks are sent at most this often (default 200 ms)… */
  ackIntervalMs?: number;
  /** …or as soon as this many events are unacknowledged (default 50). */
  ackBatch?: number;
  /** Reconnect delays (default 500 ms doubling up to 30 s, jittered). */
  backoff?: BackoffOptions;
  /** A ping is sent after this long without a frame (default 25 s)… */
  pingIntervalMs?: number;
  /** …and a socket that then stays silent this long is given up and replaced (default 10 s). */
  pongTimeoutMs?: number;
}

export interface Disconnected {
  code: number;
  reason: string;
  /** False after disconnect() or once signed out. */
  willReconnect: boolean;
}

export interface RealtimeSink {
  ready(data: ReadyData): void;
  event(event: DurableEvent): void;
  ephemeral<K extends keyof EphemeralEvents>(type: K, data: EphemeralEvents[K]): void;
  resync(data: { seq: number }): void;
  frameError(data: { code: string; detail: string }): void;
  disconnected(info: Disconnected): void;
}

const OPEN = 1;
/** Our own close codes (4000–4999 are the application's). */
const GIVE_UP = 4000;
const Close = { unauthorized: 4001, rateLimited: 4008, tooSlow: 4009, restarting: 1012 } as const;

/**
 * One WebSocket to `GET /ws`, kept open: authenticates with the first frame, resumes with
 * `since` = the seq of the last durable event handed to the app (never skipping one, never
 * handing one twice), acks in batches, swaps in a fresh token before expiry and reconnects with
 * jittered exponential backoff.
 */
export class Realtime {
  private socket: WebSocketLike | undefined;
  private lastSeq: number | undefined;
  private ackedSeq = 0;
  private unacked = 0;
  private attempt = 0;
  private running = false;
  /** Whose seq `lastSeq` is: another user signing in on this client starts from their own. */
  private seqUser: string | undefined;
  private readonly sleeper = new Sleeper();
  /** Ends the current socket's connectOnce(). */
  private finish: ((code: number, reason: string) => void) | undefined;
  private ackTimer: ReturnType<typeof setTimeout> | undefined;
  private pingTimer: ReturnType<typeof setTimeout> | undefined;
  private swapTimer: ReturnType<typeof setTimeout> | undefined;
  private firstReady: { resolve(data: ReadyData): void; reject(error: unknown): void } | undefined;
  private offSession: (() => void) | undefined;

  constructor(
    private readonly deps: {
      url: string;
      WebSocket: WebSocketConstructor;
      sessions: SessionManager;
      storage: ClientStorage;
      sink: RealtimeSink;
      options: RealtimeOptions;
    },
  ) {}

  get connected(): boolean {
    return this.socket?.readyState === OPEN;
  }

  /** Connects (resolves on the first `ready`) and stays connected until stop(). */
  start(): Promise<ReadyData> {
    if (this.running) return Promise.reject(new Error('already connected'));
    this.running = true;
    this.attempt = 0;
    this.offSession = this.deps.sessions.onChange((session) => {
      // A token refreshed anywhere (an HTTP call, another tab) is swapped into the open socket.
      if (session && this.connected) this.sendFrame({ type: 'auth', token: session.accessToken });
    });
    const ready = new Promise<ReadyData>((resolve, reject) => (this.firstReady = { resolve, reject }));
    // A caller that does not wait for it (and then disconnects) must not see an unhandled rejection.
    ready.catch(() => {});
    void this.loop();
    return ready;
  }

  stop(): void {
    this.running = false;
    this.offSession?.();
    this.sleeper.wake();
    const socket = this.socket;
    if (socket) {
      this.flushAck();
      this.abandon(socket);
      socket.close(1000, 'bye');
      this.deps.sink.disconnected({ code: 1000, reason: 'closed by the client', willReconnect: false });
    }
    this.firstReady?.reject(new Error(this.deps.sessions.session ? 'disconnected' : 'signed out'));
    this.firstReady = undefined;
  }

  /** Reconnects now if waiting to (e.g. the browser went back online). */
  wake(): void {
    this.sleeper.wake();
  }

  typing(target: { recipientId: string } | { groupId: string }): void {
    this.sendFrame({ type: 'typing', ...target });
  }

  /** The connection loop: one socket at a time, a delay between failed attempts. */
  private async loop(): Promise<void> {
    while (this.running) {
      const close = await this.connectOnce();
      if (!this.running) return;
      const reconnect = await this.afterClose(close);
      this.deps.sink.disconnected({ ...close, willReconnect: reconnect && this.running });
      if (!reconnect) {
        this.stop();
        return;
      }
      await this.sleeper.sleep(this.delayAfter(close.code));
    }
  }

  private delayAfter(code: number): number {
    const attempt = this.attempt++;
    if (code === Close.rateLimited) return backoffDelay(attempt + 3, this.deps.options.backoff);
    if (attempt === 0 && (code === Close.restarting || code === Close.tooSlow || code === GIVE_UP)) {
      return backoffDelay(0, { ...this.deps.options.backoff, baseMs: 250 });
    }
    return backoffDelay(attempt, this.deps.options.backoff);
  }

  /** Decides after a close whether to reconnect; refreshes the token on 4001. */
  private async afterClose({ code }: { code: number }): Promise<boolean> {
    if (!this.deps.sessions.session) return false;
    if (code !== Close.unauthorized) return true;
    return this.refreshed(undefined);
  }

  /** False when the refresh was refused (signed out: the session manager told the app); a lost answer is retried later. */
  private async refreshed(stale: string | undefined): Promise<boolean> {
    try {
      await this.deps.sessions.refresh(stale);
      return true;
    } catch (error) {
      return !(error instanceof ApiError);
    }
  }

  /** Opens one socket and resolves when it closes (or is given up). */
  private async connectOnce(): Promise<{ code: number; reason: string }> {
    const session = this.deps.sessions.session;
    // A token about to expire (a restored session, a long wait offline) is refreshed first.
    if (session && session.expiresAt - Date.now() < 5_000 && !(await this.refreshed(session.accessToken))) {
      return { code: Close.unauthorized, reason: 'signed out' };
    }
    const userId = this.deps.sessions.session?.user.id;
    if (userId !== this.seqUser) {
      this.seqUser = userId;
      this.lastSeq = await this.loadSeq();
      this.ackedSeq = 0;
      this.unacked = 0;
    }
    if (!this.running) return { code: 1000, reason: 'stopped' };
    // Relative to the base, which may carry a path (https://example.com/chat/ → /chat/ws).
    const url = new URL('ws', this.deps.url.endsWith('/') ? this.deps.url : `${this.deps.url}/`);
    if (this.lastSeq !== undefined) url.searchParams.set('since', String(this.lastSeq));
    let socket: WebSocketLike;
    try {
      socket = new this.deps.WebSocket(url.toString());
    } catch {
      return { code: 1006, reason: 'could not open the socket' };
    }
    this.socket = socket;
    return new Promise((resolve) => {
      let settled = false;
      const finish = (code: number, reason: string) => {
        if (settled) return;
        settled = true;
        this.clearSocketTimers();
        if (this.socket === socket) {
          this.socket = undefined;
          this.finish = undefined;
        }
        resolve({ code, reason });
      };
      this.finish = finish;
      socket.onopen = () => {
        this.sendFrame({ type: 'auth', token: this.deps.sessions.accessToken ?? '' }, socket);
        this.armPing(socket);
      };
      socket.onmessage = (event: { data: unknown }) => {
        if (this.socket !== socket) return;
        this.armPing(socket);
        this.receive(socket, event.data);
      };
      socket.onclose = (event: { code: number; reason: string }) => finish(event.code, event.reason);
      socket.onerror = () => {};
    });
  }

  /** Stops listening to a socket and ends its connectOnce() at once (a dead link may take long to close). */
  private abandon(socket: WebSocketLike, code = GIVE_UP, reason = 'given up'): void {
    socket.onmessage = null;
    socket.onclose = null;
    try {
      if (code !== 1000) socket.close(GIVE_UP, reason);
    } catch {
      // Already closing.
    }
    if (socket === this.socket) this.finish?.(code, reason);
  }

  private receive(socket: WebSocketLike, raw: unknown): void {
    let frame: { type?: unknown; seq?: unknown; data?: unknown };
    try {
      frame = JSON.parse(typeof raw === 'string' ? raw : new TextDecoder().decode(raw as ArrayBuffer)) as typeof frame;
    } catch {
      return;
    }
    if (typeof frame.seq === 'number') return this.durable(socket, frame as DurableEvent);
    const { sink } = this.deps;
    switch (frame.type) {
      case 'ready':
        return this.ready(frame.data as ReadyData);
      case 'resync_required': {
        const { seq } = frame.data as { seq: number };
        this.handed(seq);
        return sink.resync({ seq });
      }
      case 'presence.updated':
        return sink.ephemeral('presence.updated', frame.data as EphemeralEvents['presence.updated']);
      case 'typing':
        return sink.ephemeral('typing', frame.data as EphemeralEvents['typing']);
      case 'error':
        return sink.frameError(frame.data as { code: string; detail: string });
      default:
        return; // pong, and frame types of a newer server
    }
  }

  private ready(data: ReadyData): void {
    this.attempt = 0;
    // A first connection without a saved seq replays nothing: live events follow ready's seq.
    if (this.lastSeq === undefined) this.handed(data.seq);
    this.scheduleSwap();
    this.deps.sink.ready(data);
    this.firstReady?.resolve(data);
    this.firstReady = undefined;
    this.scheduleAck();
  }

  private durable(socket: WebSocketLike, event: DurableEvent): void {
    const last = this.lastSeq ?? 0;
    if (event.seq <= last) return; // already handed to the app (a replay overlapping live events)
    if (event.seq > last + 1) {
      // A hole: never skip an event. Start over from the last one handed.
      this.abandon(socket, GIVE_UP, 'gap in the event stream');
      return;
    }
    this.handed(event.seq);
    this.deps.sink.event(event);
    this.unacked += 1;
    this.scheduleAck();
  }

  /** Remembers (and persists, so a reload resumes there) the last seq handed to the app. */
  private handed(seq: number): void {
    this.lastSeq = seq;
    const userId = this.deps.sessions.session?.user.id;
    if (userId) void this.deps.storage.set(`seq:${userId}`, String(seq));
  }

  private async loadSeq(): Promise<number | undefined> {
    const userId = this.deps.sessions.session?.user.id;
    const raw = userId ? await this.deps.storage.get(`seq:${userId}`) : undefined;
    const seq = raw ? Number(raw) : NaN;
    return Number.isSafeInteger(seq) && seq >= 0 ? seq : undefined;
  }

  private scheduleAck(): void {
    if (this.unacked >= (this.deps.options.ackBatch ?? 50)) return this.flushAck();
    this.ackTimer ??= setTimeout(() => this.flushAck(), this.deps.options.ackIntervalMs ?? 200);
  }

  private flushAck(): void {
    clearTimeout(this.ackTimer);
    this.ackTimer = undefined;
    const seq = this.lastSeq ?? 0;
    if (seq <= this.ackedSeq || !this.connected) return;
    this.sendFrame({ type: 'ack', seq });
    this.ackedSeq = seq;
    this.unacked = 0;
  }

  /** Refreshes the token a little before it expires; the session listener sends the `auth` frame. */
  private scheduleSwap(): void {
    clearTimeout(this.swapTimer);
    const session = this.deps.sessions.session;
    if (!session) return;
    const left = session.expiresAt - Date.now();
    // A quarter of the lifetime, at most a minute, at least 3 s: the server floors the issue time
    // to the second (the token may end up to 1 s early) and a busy server takes time to answer.
    const margin = Math.max(3_000, Math.min(60_000, left * 0.25));
    this.swapTimer = setTimeout(
      () => {
        this.deps.sessions.refresh(session.accessToken).then(
          () => this.scheduleSwap(),
          () => {
            // Refused: signed out. No answer: the server closes with 4001 and the loop retries.
          },
        );
      },
      Math.max(0, left - margin),
    );
  }

  private armPing(socket: WebSocketLike): void {
    clearTimeout(this.pingTimer);
    const { pingIntervalMs = 25_000, pongTimeoutMs = 10_000 } = this.deps.options;
    this.pingTimer = setTimeout(() => {
      this.sendFrame({ type: 'ping' }, socket);
      this.pingTimer = setTimeout(() => this.abandon(socket, GIVE_UP, 'no answer to ping'), pongTimeoutMs);
    }, pingIntervalMs);
  }

  private clearSocketTimers(): void {
    clearTimeout(this.pingTimer);
    clearTimeout(this.swapTimer);
    clearTimeout(this.ackTimer);
    this.ackTimer = undefined;
  }

  private sendFrame(frame: object, socket = this.socket): void {
    if (socket?.readyState !== OPEN) return;
    try {
      socket.send(JSON.stringify(frame));
    } catch {
      // Closing: the close handler takes over.
    }
  }
}

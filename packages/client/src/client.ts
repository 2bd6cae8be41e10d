import { ApiError, NetworkError } from './errors.js';
import type { DurableEvent, DurableEvents, EphemeralEvents, ReadyData } from './events.js';
import { Emitter } from './emitter.js';
import { authorizedFetch, createApiClient, type ApiClient, type DataMethod, type FetchLike } from './http.js';
import { Outbox, type OutboxOptions, type PendingMessage, type SendInput } from './outbox.js';
import { Realtime, type Disconnected, type RealtimeOptions, type WebSocketConstructor } from './realtime.js';
import { SessionManager, type Session } from './session.js';
import { memoryStorage, type ClientStorage } from './storage.js';
import type { FileObject, Message, TokenResponse, User } from './types.js';
import { uploadFile, type UploadOptions, type XMLHttpRequestConstructor } from './upload.js';

export interface ChatClientOptions {
  /** The server, e.g. `https://chat.example.com` (the WebSocket is `GET /ws` on it). */
  baseUrl: string;
  /** Where the WebSocket lives if not on baseUrl (e.g. `wss://ws.example.com`). */
  wsUrl?: string;
  /** The fetch to use (default: the global one). */
  fetch?: (request: Request) => Promise<Response>;
  /** A WebSocket implementation where there is no global one (Node 20: `import WebSocket from 'ws'`). */
  WebSocket?: WebSocketConstructor;
  /** Uploads report progress through it (default: the global one in browsers; none in Node, which uses fetch). */
  XMLHttpRequest?: XMLHttpRequestConstructor;
  /** Session, seq and outbox storage (default: memory; `localStorageAdapter()` in browsers). */
  storage?: ClientStorage;
  /** Called once when the session ends without logout(): a refresh was refused (revoked, expired). */
  onSignedOut?: (reason: ApiError) => void;
  realtime?: RealtimeOptions;
  outbox?: OutboxOptions;
}

/** Everything `client.on()` can listen to. */
export type ClientEvents = { [K in keyof DurableEvents]: [data: DurableEvents[K], meta: { seq: number }] } & {
  [K in keyof EphemeralEvents]: [data: EphemeralEvents[K]];
} & {
  /** Every durable event, in seq order, after its own listeners. */
  event: [event: DurableEvent];
  /** Each connection's first frame (also after every reconnect). */
  ready: [data: ReadyData];
  /** The server could not replay what was missed: reload your state over REST. */
  resync_required: [data: { seq: number }];
  disconnected: [info: Disconnected];
  /** The server answered a client frame with an error (the socket stays open). */
  frame_error: [data: { code: string; detail: string }];
  'outbox.sent': [local: PendingMessage, message: Message];
  'outbox.failed': [local: PendingMessage, error: ApiError];
  'outbox.changed': [pending: readonly PendingMessage[]];
  signed_out: [reason: ApiError];
};

export type LoginResponse = { user: User } | { mfaRequired: true; mfaToken: string };

/**
 * The Chat API client: typed REST calls with automatic token refresh, a resumable real-time
 * stream and an outbox. See docs/client.md.
 */
export class ChatClient {
  /** The typed openapi-fetch client (`{ data, response }`; errors throw ApiError). */
  readonly api: ApiClient;
  readonly get: DataMethod<'get'>;
  readonly post: DataMethod<'post'>;
  readonly put: DataMethod<'put'>;
  readonly patch: DataMethod<'patch'>;
  readonly delete: DataMethod<'delete'>;
  readonly outbox: Outbox;
  private readonly sessions: SessionManager;
  private readonly storage: ClientStorage;
  private readonly emitter = new Emitter<ClientEvents>();
  private readonly realtime: Realtime;
  private readonly plain: ApiClient;
  private readonly offOnline: () => void;
  private readonly baseFetch: FetchLike;

  constructor(private readonly options: ChatClientOptions) {
    const baseFetch: FetchLike = options.fetch ?? ((request) => globalThis.fetch(request));
    this.baseFetch = baseFetch;
    this.storage = options.storage ?? memoryStorage();
    this.plain = createApiClient(options.baseUrl, baseFetch);
    this.sessions = new SessionManager({
      storage: this.storage,
      refresh: async (refreshToken) => (await this.plain.POST('/token/refresh', { body: { refreshToken } })).data!,
      signedOut: (reason) => {
        this.realtime.stop();
        this.emitter.emit('signed_out', reason);
        options.onSignedOut?.(reason);
      },
    });
    this.api = createApiClient(options.baseUrl, authorizedFetch(this.sessions, baseFetch));
    const data =
      (call: (...args: never[]) => Promise<{ data?: unknown }>) =>
      async (...args: never[]) =>
        (await call(...args)).data;
    this.get = data(this.api.GET) as DataMethod<'get'>;
    this.post = data(this.api.POST) as DataMethod<'post'>;
    this.put = data(this.api.PUT) as DataMethod<'put'>;
    this.patch = data(this.api.PATCH) as DataMethod<'patch'>;
    this.delete = data(this.api.DELETE) as DataMethod<'delete'>;
    this.outbox = new Outbox({
      storage: this.storage,
      userId: () => this.sessions.session?.user.id,
      post: async (body) => (await this.api.POST('/messages', { body })).data!,
      sink: {
        sent: (local, message) => this.emitter.emit('outbox.sent', local, message),
        failed: (local, error) => this.emitter.emit('outbox.failed', local, error),
        changed: (pending) => this.emitter.emit('outbox.changed', pending),
      },
      options: options.outbox ?? {},
    });
    this.realtime = this.createRealtime();
    this.offOnline = onOnline(() => {
      this.realtime.wake();
      this.outbox.kick();
    });
  }

  /** The signed-in session, if any. */
  get session(): Session | undefined {
    return this.sessions.session;
  }

  get user(): User | undefined {
    return this.sessions.session?.user;
  }

  /** Restores a saved session (call once at start-up); true when signed in. */
  async restore(): Promise<boolean> {
    const restored = await this.sessions.restore();
    if (restored) await this.outbox.load();
    return restored;
  }

  /** `POST /login`; with two-factor on, answers `{ mfaRequired, mfaToken }` for loginMfa(). */
  async login(body: { email: string; password: string }): Promise<LoginResponse> {
    const result = (await this.plain.POST('/login', { body })).data!;
    if ('mfaRequired' in result) return { mfaRequired: true, mfaToken: result.mfaToken };
    return { user: await this.signedIn(result) };
  }

  /** `POST /login/mfa`: the second step, with a TOTP code or a recovery code. */
  async loginMfa(body: { mfaToken: string; code: string }): Promise<{ user: User }> {
    const result = (await this.plain.POST('/login/mfa', { body })).data!;
    return { user: await this.signedIn(result) };
  }

  /** Ends the session on the server (when reachable) and forgets it here, with its outbox and seq. */
  async logout(): Promise<void> {
    const session = this.sessions.session;
    this.realtime.stop();
    if (!session) return;
    await this.plain.POST('/logout', { body: { refreshToken: session.refreshToken } }).catch((error: unknown) => {
      if (!(error instanceof NetworkError) && !(error instanceof ApiError)) throw error;
    });
    await this.outbox.clear(session.user.id);
    await this.storage.remove(`seq:${session.user.id}`);
    await this.sessions.clear();
  }

  /** Opens the real-time stream; resolves on the first `ready`. It reconnects by itself until disconnect(). */
  connect(): Promise<ReadyData> {
    if (!this.sessions.session)
      return Promise.reject(new ApiError({ status: 401, code: 'unauthorized', detail: 'Not signed in' }));
    return this.realtime.start();
  }

  disconnect(): void {
    this.realtime.stop();
  }

  get connected(): boolean {
    return this.realtime.connected;
  }

  /** Listens to an event; returns the function that stops listening. */
  on<K extends keyof ClientEvents>(type: K, listener: (...args: ClientEvents[K]) => void): () => void {
    return this.emitter.on(type, listener);
  }

  off<K extends keyof ClientEvents>(type: K, listener: (...args: ClientEvents[K]) => void): void {
    this.emitter.off(type, listener);
  }

  /** Queues a message in the outbox and returns its optimistic copy at once. */
  send(input: SendInput): PendingMessage {
    return this.outbox.send(input);
  }

  /** `POST /files` with upload progress (`onProgress(loaded, total)`); answers the File to attach. */
  upload(file: Blob, options: UploadOptions = {}): Promise<FileObject> {
    const Xhr = this.options.XMLHttpRequest ?? (globalThis as { XMLHttpRequest?: XMLHttpRequestConstructor }).XMLHttpRequest;
    const fetch = authorizedFetch(this.sessions, this.baseFetch);
    return uploadFile({ baseUrl: this.options.baseUrl, sessions: this.sessions, fetch, XMLHttpRequest: Xhr }, file, options);
  }

  /** Tells the other side you are typing (over the open socket; dropped when offline). */
  typing(target: { recipientId: string } | { groupId: string }): void {
    this.realtime.typing(target);
  }

  /** Stops everything (socket, retries, listeners on the environment). */
  close(): void {
    this.realtime.stop();
    this.outbox.stop();
    this.offOnline();
  }

  private async signedIn(tokens: TokenResponse): Promise<User> {
    const session = await this.sessions.set(tokens);
    await this.outbox.load();
    return session.user;
  }

  private createRealtime(): Realtime {
    const WebSocketImpl = this.options.WebSocket ?? (globalThis as { WebSocket?: WebSocketConstructor }).WebSocket;
    const emit = this.emitter;
    return new Realtime({
      url: this.options.wsUrl ?? this.options.baseUrl.replace(/^http/, 'ws'),
      get WebSocket(): WebSocketConstructor {
        if (!WebSocketImpl)
          throw new Error('No global WebSocket here: pass one as the WebSocket option (e.g. from the ws package)');
        return WebSocketImpl;
      },
      sessions: this.sessions,
      storage: this.storage,
      options: this.options.realtime ?? {},
      sink: {
        ready: (data) => {
          emit.emit('ready', data);
          this.outbox.kick();
        },
        event: (event) => {
          emit.emitUntyped(event.type, [event.data, { seq: event.seq }]);
          emit.emit('event', event);
        },
        ephemeral: (type, data) => emit.emitUntyped(type, [data]),
        resync: (data) => emit.emit('resync_required', data),
        frameError: (data) => emit.emit('frame_error', data),
        disconnected: (info) => emit.emit('disconnected', info),
      },
    });
  }
}

/** Browsers: reconnect and resend at once when the network comes back. */
function onOnline(run: () => void): () => void {
  const target = globalThis as {
    addEventListener?(type: string, fn: () => void): void;
    removeEventListener?(type: string, fn: () => void): void;
  };
  if (typeof target.addEventListener !== 'function') return () => {};
  target.addEventListener('online', run);
  return () => target.removeEventListener?.('online', run);
}

export function createChatClient(options: ChatClientOptions): ChatClient {
  return new ChatClient(options);
}

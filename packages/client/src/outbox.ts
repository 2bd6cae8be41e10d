import { backoffDelay, Sleeper, type BackoffOptions } from './backoff.js';
import { ApiError, isRetryable } from './errors.js';
import type { ClientStorage } from './storage.js';
import type { Message, SendMessageBody } from './types.js';

const RECENT = 200;

/** What send() takes: the body of `POST /messages`; the client adds the clientMessageId. */
export type SendInput = Omit<SendMessageBody, 'clientMessageId'> & { clientMessageId?: string };

/** The optimistic local copy of a message the server has not answered yet. */
export type PendingMessage = SendInput & {
  /** `local:<clientMessageId>` until the server's Message replaces it. */
  id: `local:${string}`;
  clientMessageId: string;
  senderId: string;
  status: 'pending' | 'failed';
  createdAt: string;
  /** Why it failed, once `status` is `failed`. */
  error?: { status: number; code: string; detail: string };
};

export interface OutboxOptions {
  /** Retry delays (default 500 ms doubling up to 30 s, jittered). */
  backoff?: BackoffOptions;
}

export interface OutboxSink {
  sent(local: PendingMessage, message: Message): void;
  failed(local: PendingMessage, error: ApiError): void;
  changed(pending: readonly PendingMessage[]): void;
}

/**
 * Messages waiting for the server, sent one after another in the order of send() (so they keep
 * their order in the conversation), each with its clientMessageId: a retry after a lost answer
 * gets the first message back, never a duplicate. Network failures, 5xx and 429 are retried until
 * the server answers; another refusal marks the message failed, kept until retried or discarded.
 * Persisted in the storage, so a reload keeps what was not sent.
 */
export class Outbox {
  private items: PendingMessage[] = [];
  private loadedFor: string | undefined;
  private running = false;
  private paused = false;
  private stopped = false;
  private readonly sleeper = new Sleeper();
  private readonly waiters = new Map<string, { resolve(message: Message): void; reject(error: unknown): void }[]>();
  /** The last answers, for settled() asked after the fact. */
  private readonly recent = new Map<string, Message>();

  constructor(
    private readonly deps: {
      storage: ClientStorage;
      userId(): string | undefined;
      post(body: SendMessageBody): Promise<Message>;
      sink: OutboxSink;
      options: OutboxOptions;
    },
  ) {}

  /** Pending and failed messages, oldest first. */
  get pending(): readonly PendingMessage[] {
    return this.items;
  }

  /** Queues a message and returns its optimistic copy at once. */
  send(input: SendInput): PendingMessage {
    const senderId = this.deps.userId();
    if (!senderId) throw new ApiError({ status: 401, code: 'unauthorized', detail: 'Not signed in' });
    const clientMessageId = input.clientMessageId ?? crypto.randomUUID();
    const local: PendingMessage = {
      ...input,
      id: `local:${clientMessageId}`,
      clientMessageId,
      senderId,
      status: 'pending',
      createdAt: new Date().toISOString(),
    };
    this.items.push(local);
    this.changed();
    this.kick();
    return local;
  }

  /** Resolves with the server's Message once sent (or if just sent); rejects with the ApiError if it fails. */
  settled(clientMessageId: string): Promise<Message> {
    const done = this.recent.get(clientMessageId);
    if (done) return Promise.resolve(done);
    const item = this.items.find((m) => m.clientMessageId === clientMessageId);
    if (!item) return Promise.reject(new Error(`no message ${clientMessageId} in the outbox`));
    if (item.status === 'failed' && item.error) return Promise.reject(new ApiError(item.error));
    return new Promise((resolve, reject) => {
      const list = this.waiters.get(clientMessageId) ?? [];
      list.push({ resolve, reject });
      this.waiters.set(clientMessageId, list);
    });
  }

  /** Tries a failed message again (same clientMessageId). */
  retry(clientMessageId: string): void {
    const item = this.items.find((m) => m.clientMessageId === clientMessageId);
    if (!item || item.status !== 'failed') return;
    item.status = 'pending';
    delete item.error;
    this.changed();
    this.kick();
  }

  /** Drops a message that failed (or that the user gave up on). */
  discard(clientMessageId: string): void {
    const before = this.items.length;
    this.items = this.items.filter((m) => m.clientMessageId !== clientMessageId || m.status !== 'failed');
    if (this.items.length !== before) this.changed();
  }

  /** Loads the saved queue of the signed-in user (after sign-in or a reload) and sends it. */
  async load(): Promise<void> {
    const userId = this.deps.userId();
    if (!userId || this.loadedFor === userId) return this.kick();
    const raw = await this.deps.storage.get(`outbox:${userId}`);
    let saved: PendingMessage[] = [];
    try {
      saved = raw ? (JSON.parse(raw) as PendingMessage[]) : [];
    } catch {
      saved = [];
    }
    const known = new Set(this.items.map((m) => m.clientMessageId));
    this.items = [...saved.filter((m) => !known.has(m.clientMessageId)), ...this.items.filter((m) => m.senderId === userId)];
    this.loadedFor = userId;
    this.changed();
    this.kick();
  }

  /** Sends now: the network is back, a reconnect succeeded, the app signed in again. */
  kick(): void {
    if (this.stopped) return;
    this.paused = false;
    this.sleeper.wake();
    if (!this.running) void this.run();
  }

  stop(): void {
    this.stopped = true;
    this.sleeper.wake();
  }

  /** Clears the queue (sign-out) without sending what is left. */
  async clear(userId: string): Promise<void> {
    this.items = [];
    this.loadedFor = undefined;
    await this.deps.storage.remove(`outbox:${userId}`);
  }

  private async run(): Promise<void> {
    this.running = true;
    try {
      let attempt = 0;
      for (;;) {
        const item = this.items.find((m) => m.status === 'pending');
        if (!item || this.stopped || this.paused || !this.deps.userId()) return;
        try {
          const message = await this.deps.post(body(item));
          attempt = 0;
          this.items = this.items.filter((m) => m !== item);
          this.changed();
          this.recent.set(item.clientMessageId, message);
          if (this.recent.size > RECENT) this.recent.delete(this.recent.keys().next().value!);
          this.deps.sink.sent(item, message);
          this.settle(item.clientMessageId, (w) => w.resolve(message));
        } catch (error) {
          if (isRetryable(error)) {
            const wait = error instanceof ApiError && error.retryAfter !== undefined ? error.retryAfter * 1000 : 0;
            await this.sleeper.sleep(Math.max(wait, backoffDelay(attempt++, this.deps.options.backoff)));
          } else if (error instanceof ApiError && error.status === 401) {
            this.paused = true; // signed out: the queue waits for the next sign-in
          } else {
            this.fail(item, error);
          }
        }
      }
    } finally {
      this.running = false;
    }
  }

  private fail(item: PendingMessage, error: unknown): void {
    const apiError =
      error instanceof ApiError
        ? error
        : new ApiError({ status: 0, code: 'client_error', detail: String((error as Error)?.message ?? error) });
    item.status = 'failed';
    item.error = { status: apiError.status, code: apiError.code, detail: apiError.detail };
    this.changed();
    this.deps.sink.failed(item, apiError);
    this.settle(item.clientMessageId, (w) => w.reject(apiError));
  }

  private settle(clientMessageId: string, run: (waiter: { resolve(m: Message): void; reject(e: unknown): void }) => void): void {
    const list = this.waiters.get(clientMessageId);
    this.waiters.delete(clientMessageId);
    for (const waiter of list ?? []) run(waiter);
  }

  private changed(): void {
    const userId = this.deps.userId();
    if (userId) void this.deps.storage.set(`outbox:${userId}`, JSON.stringify(this.items));
    this.deps.sink.changed(this.items);
  }
}

function body(item: PendingMessage): SendMessageBody {
  const { id: _id, senderId: _sender, status: _status, createdAt: _created, error: _error, ...fields } = item;
  return fields;
}

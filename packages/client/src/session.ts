import { ApiError, NetworkError } from './errors.js';
import type { ClientStorage } from './storage.js';
import type { TokenResponse, User } from './types.js';

/** What the client keeps of a signed-in session. */
export interface Session {
  accessToken: string;
  refreshToken: string;
  /** Milliseconds since the epoch, by this device's clock, when the access token expires. */
  expiresAt: number;
  sessionId: string;
  user: User;
}

const SESSION_KEY = 'session';

interface LockManagerLike {
  request<T>(name: string, callback: () => Promise<T>): Promise<T>;
}

/**
 * Holds the tokens and refreshes them: at most one refresh is in flight and every caller waits
 * for it. The refresh token rotates on each use and a spent one revokes the session, so two
 * refreshes must never race (across browser tabs too: a Web Lock serialises them and a tab adopts
 * the pair another tab stored meanwhile).
 */
export class SessionManager {
  private current: Session | undefined;
  private refreshing: Promise<string> | undefined;
  private readonly listeners = new Set<(session: Session | undefined) => void>();

  constructor(
    private readonly deps: {
      storage: ClientStorage;
      /** POST /token/refresh, without the refresh logic (answers the new pair or throws). */
      refresh(refreshToken: string): Promise<TokenResponse>;
      /** A refresh was refused: the session is over. */
      signedOut(reason: ApiError): void;
    },
  ) {}

  get session(): Session | undefined {
    return this.current;
  }

  get accessToken(): string | undefined {
    return this.current?.accessToken;
  }

  /** Called with the new session (or undefined once signed out) after every change. */
  onChange(listener: (session: Session | undefined) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Restores the session saved in the storage; false when there is none. */
  async restore(): Promise<boolean> {
    const saved = await this.read();
    if (saved) this.current = saved;
    return saved !== undefined;
  }

  async set(tokens: TokenResponse): Promise<Session> {
    const session: Session = {
      accessToken: tokens.accessToken,
      refreshToken: tokens.refreshToken,
      expiresAt: Date.now() + tokens.expiresIn * 1000,
      sessionId: tokens.sessionId,
      user: tokens.user,
    };
    this.current = session;
    await this.deps.storage.set(SESSION_KEY, JSON.stringify(session));
    this.changed();
    return session;
  }

  /** Forgets the session (locally; the caller revokes it on the server when it can). */
  async clear(): Promise<void> {
    this.current = undefined;
    await this.deps.storage.remove(SESSION_KEY);
    this.changed();
  }

  /**
   * A fresh access token. `stale` is the token the caller found expired: if the session has moved
   * on since, the newer token is returned without another refresh. Throws the server's refusal
   * (after signing out) or a NetworkError (still signed in: try again later).
   */
  refresh(stale?: string): Promise<string> {
    if (this.refreshing) return this.refreshing;
    if (this.current && stale !== undefined && this.current.accessToken !== stale)
      return Promise.resolve(this.current.accessToken);
    this.refreshing = this.locked(() => this.runRefresh(stale)).finally(() => {
      this.refreshing = undefined;
    });
    return this.refreshing;
  }

  private async runRefresh(stale: string | undefined): Promise<string> {
    // Another tab may have refreshed with the shared storage while we waited for the lock.
    const stored = await this.read();
    if (stored && stored.refreshToken !== this.current?.refreshToken) {
      this.current = stored;
      this.changed();
      if (stored.accessToken !== stale && stored.expiresAt > Date.now()) return stored.accessToken;
    }
    const session = this.current;
    if (!session) throw new ApiError({ status: 401, code: 'unauthorized', detail: 'Not signed in' });
    let tokens: TokenResponse;
    try {
      tokens = await this.deps.refresh(session.refreshToken);
    } catch (error) {
      if (error instanceof ApiError && error.status < 500 && error.status !== 429) {
        await this.clear();
        this.deps.signedOut(error);
      }
      throw error instanceof ApiError ? error : new NetworkError(error);
    }
    return (await this.set(tokens)).accessToken;
  }

  private async locked<T>(run: () => Promise<T>): Promise<T> {
    const locks = (globalThis as { navigator?: { locks?: LockManagerLike } }).navigator?.locks;
    return locks ? locks.request('chat-api-token-refresh', run) : run();
  }

  private async read(): Promise<Session | undefined> {
    const raw = await this.deps.storage.get(SESSION_KEY);
    if (!raw) return undefined;
    try {
      return JSON.parse(raw) as Session;
    } catch {
      return undefined;
    }
  }

  private changed(): void {
    for (const listener of [...this.listeners]) listener(this.current);
  }
}

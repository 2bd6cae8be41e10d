type MaybePromise<T> = T | Promise<T>;

/**
 * Where the client keeps its session (tokens), the last real-time seq handed to the app and the
 * outbox. Synchronous or asynchronous (e.g. React Native's AsyncStorage) alike.
 */
export interface ClientStorage {
  get(key: string): MaybePromise<string | null | undefined>;
  set(key: string, value: string): MaybePromise<void>;
  remove(key: string): MaybePromise<void>;
}

/** Keeps everything in memory: nothing survives a reload (the default). */
export function memoryStorage(): ClientStorage {
  const values = new Map<string, string>();
  return {
    get: (key) => values.get(key),
    set: (key, value) => void values.set(key, value),
    remove: (key) => void values.delete(key),
  };
}

/** The part of the Web Storage API the adapter uses (window.localStorage, sessionStorage). */
export interface WebStorageLike {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/**
 * Browsers: keeps the session, seq and outbox in `localStorage` (or any Web Storage) under
 * `prefix`, so a reload stays signed in, resumes the stream and keeps unsent messages.
 */
export function localStorageAdapter(
  storage: WebStorageLike = (globalThis as { localStorage?: WebStorageLike }).localStorage!,
  prefix = 'chat-api:',
): ClientStorage {
  if (!storage) throw new Error('localStorage is not available here; pass a storage');
  return {
    get: (key) => storage.getItem(prefix + key),
    set: (key, value) => storage.setItem(prefix + key, value),
    remove: (key) => storage.removeItem(prefix + key),
  };
}

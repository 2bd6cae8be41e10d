import type { Readable } from 'node:stream';

/** An inclusive byte range, as in `Range: bytes=start-end`. */
export interface ByteRange {
  start: number;
  end: number;
}

/**
 * Where file bytes live. Keys are opaque, made by the files module (`[a-z0-9/._-]`, no `..`).
 * The local-disk adapter is the default; an S3-compatible adapter implements the same four calls.
 */
export interface Storage {
  /**
   * Streams `source` into a new object. The object appears only once the stream has ended
   * without error; on any failure nothing remains under `key`.
   */
  put(key: string, source: Readable): Promise<void>;
  /** The object's bytes, or the inclusive `range` of them. Errors (e.g. ENOENT) surface on the stream. */
  read(key: string, range?: ByteRange): Readable;
  /** The object's size in bytes. */
  size(key: string): Promise<number>;
  /** Removes an object; removing a missing one is not an error. */
  delete(key: string): Promise<void>;
}

const KEY_RE = /^[a-z0-9][a-z0-9._/-]{0,200}$/;

/** Guards adapters against keys that could escape their root. */
export function assertValidKey(key: string): void {
  if (!KEY_RE.test(key) || key.includes('..') || key.includes('//')) throw new Error(`invalid storage key: ${key}`);
}

import { AppError } from './errors.js';

/**
 * Opaque list cursors: a JSON tuple in base64url. Activity-ordered lists encode
 * `(timestamp, id)` so rows never repeat or vanish while a client scrolls.
 */
export function encodeCursor(parts: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(parts)).toString('base64url');
}

export function decodeCursor(cursor: string, shape: readonly ('string' | 'number')[]): (string | number)[] {
  try {
    const parts: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(parts) && parts.length === shape.length && parts.every((p, i) => typeof p === shape[i])) {
      return parts as (string | number)[];
    }
  } catch {
    // fall through to the error below
  }
  throw new AppError('invalid_cursor', 'The cursor is malformed');
}

/** A time + id cursor, the common case. */
export function encodeTimeCursor(at: Date, id: string): string {
  return encodeCursor([at.toISOString(), id]);
}

export function decodeTimeCursor(cursor: string): { at: Date; id: string } {
  const [at, id] = decodeCursor(cursor, ['string', 'string']) as [string, string];
  const date = new Date(at);
  if (Number.isNaN(date.getTime())) throw new AppError('invalid_cursor', 'The cursor is malformed');
  return { at: date, id };
}

/** Fetch `limit + 1` rows and call this to split off the page and the next cursor. */
export function pageOf<T>(rows: T[], limit: number, cursorOf: (last: T) => string): { items: T[]; nextCursor: string | null } {
  if (rows.length <= limit) return { items: rows, nextCursor: null };
  const items = rows.slice(0, limit);
  return { items, nextCursor: cursorOf(items[items.length - 1]!) };
}

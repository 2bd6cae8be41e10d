import { AppError } from './errors.js';
import { isId } from './ids.js';

/**
 * Opaque list cursors: a JSON tuple in base64url. Activity-ordered lists encode
 * `(timestamp, id)` so rows never repeat or vanish while a client scrolls.
 *
 * Cursors come back from clients, so every list decodes them here, and every field is checked
 * for the shape the server wrote: a forged cursor is a 400 `invalid_cursor`, never a value the
 * database refuses (`'x'::uuid`, `'2026-02-31'::timestamptz`, a NUL byte in text).
 */
export function encodeCursor(parts: readonly string[]): string {
  return Buffer.from(JSON.stringify(parts)).toString('base64url');
}

/** What a cursor field may hold. */
export type CursorField =
  /** `Date#toISOString()` of a time at or after 1970: `2026-01-02T03:04:05.678Z`. */
  | 'time'
  /** A `timestamptz::text` as PostgreSQL prints it, microseconds kept: `2026-01-02 03:04:05.123456+00`. */
  | 'pgTime'
  /** One of our ids. */
  | 'id'
  /** A lower-cased username. */
  | 'username';

const ISO_TIME = /^(\d{4})-(\d{2})-(\d{2})T([01]\d|2[0-3]):[0-5]\d:[0-5]\d\.\d{3}Z$/;
const PG_TIME = /^(\d{4})-(\d{2})-(\d{2}) ([01]\d|2[0-3]):[0-5]\d:[0-5]\d(?:\.\d{1,6})?[+-](?:0\d|1[0-5])(?::[0-5]\d)?$/;
const USERNAME = /^[a-z0-9_.]{1,32}$/;

/** A real calendar day from 1970 on: the database refuses 2026-02-31, JavaScript would roll it over. */
function isCalendarDay(year: string, month: string, day: string): boolean {
  const y = Number(year);
  const m = Number(month);
  const d = Number(day);
  const date = new Date(Date.UTC(y, m - 1, d));
  return y >= 1970 && date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

function timeMatches(pattern: RegExp, value: string): boolean {
  const match = pattern.exec(value);
  return match !== null && isCalendarDay(match[1]!, match[2]!, match[3]!);
}

const fieldChecks: Record<CursorField, (value: string) => boolean> = {
  time: (value) => timeMatches(ISO_TIME, value),
  pgTime: (value) => timeMatches(PG_TIME, value),
  id: isId,
  username: (value) => USERNAME.test(value),
};

function invalidCursor(): AppError {
  return new AppError('invalid_cursor', 'The cursor is malformed', {
    errors: [{ path: 'querystring.cursor', message: 'is not a cursor this list handed out' }],
  });
}

/** The one cursor decoder: a tuple of exactly `fields.length` strings, each of its field's shape. */
export function decodeCursor(cursor: string, fields: readonly CursorField[]): string[] {
  let parts: unknown;
  try {
    parts = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalidCursor();
  }
  if (!Array.isArray(parts) || parts.length !== fields.length) throw invalidCursor();
  for (const [i, field] of fields.entries()) {
    const part: unknown = parts[i];
    if (typeof part !== 'string' || !fieldChecks[field](part)) throw invalidCursor();
  }
  return parts as string[];
}

/** A time + id cursor, the common case. */
export function encodeTimeCursor(at: Date, id: string): string {
  return encodeCursor([at.toISOString(), id]);
}

export function decodeTimeCursor(cursor: string): { at: Date; id: string } {
  const [at, id] = decodeCursor(cursor, ['time', 'id']) as [string, string];
  return { at: new Date(at), id };
}

/** Fetch `limit + 1` rows and call this to split off the page and the next cursor. */
export function pageOf<T>(rows: T[], limit: number, cursorOf: (last: T) => string): { items: T[]; nextCursor: string | null } {
  if (rows.length <= limit) return { items: rows, nextCursor: null };
  const items = rows.slice(0, limit);
  return { items, nextCursor: cursorOf(items[items.length - 1]!) };
}

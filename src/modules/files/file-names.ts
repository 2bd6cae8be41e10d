// Client-supplied file names are shown to other people and sent back in Content-Disposition:
// keep the base name only, drop control, bidi-override and path characters, bound the length.

// eslint-disable-next-line no-control-regex -- stripping control characters is the point
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069<>:"/\\|?*]/g;
const MAX_BYTES = 200;
/** The headers of one multipart part are read up to this many bytes; the rest is cut. */
export const MAX_PART_HEADER_BYTES = 8192;
/** Longer client names are refused, so a name cut with its part header never passes as whole. */
export const MAX_RAW_NAME_BYTES = 4096;
/** What is kept of a raw name before any other work: its start and its last characters. */
const RAW_KEEP_CHARS = 1024;
const RAW_TAIL_CHARS = 32;
/** An extension is the last dot and up to 15 characters after it. */
const MAX_EXTENSION_CHARS = 16;

/**
 * A name safe to store, display and put in a header; `file` when nothing usable is left. Every
 * step is linear in the input, which is first cut to about 1 KiB (keeping its end, where the
 * extension is).
 */
export function sanitizeFileName(raw: string | undefined): string {
  // Browsers escape `"`, CR and LF in multipart file names as %22, %0D, %0A (WHATWG HTML).
  const unescaped = boundRawName(raw ?? '').replace(/%(?:22|0d|0a)/gi, (match) =>
    String.fromCharCode(parseInt(match.slice(1), 16)),
  );
  const base = unescaped.slice(Math.max(unescaped.lastIndexOf('/'), unescaped.lastIndexOf('\\')) + 1);
  const name = trimDotsAndSpaces(base.normalize('NFC').replace(UNSAFE, '').replace(/\s+/g, ' '));
  return (Buffer.byteLength(name) > MAX_BYTES ? truncateKeepingExtension(name, MAX_BYTES) : name) || 'file';
}

/** At most `RAW_KEEP_CHARS` UTF-16 units: the start and the last few, never half a surrogate pair. */
function boundRawName(raw: string): string {
  if (raw.length <= RAW_KEEP_CHARS) return raw;
  return safeSlice(raw, 0, RAW_KEEP_CHARS - RAW_TAIL_CHARS) + safeSlice(raw, raw.length - RAW_TAIL_CHARS, raw.length);
}

function safeSlice(text: string, start: number, end: number): string {
  const from = isLowSurrogate(text.charCodeAt(start)) ? start + 1 : start;
  const to = isLowSurrogate(text.charCodeAt(end)) ? end - 1 : end;
  return text.slice(from, to);
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** Without leading and trailing dots and spaces (white space is already collapsed to spaces). */
function trimDotsAndSpaces(name: string): string {
  const skip = (char: string | undefined) => char === '.' || char === ' ';
  let start = 0;
  let end = name.length;
  while (start < end && skip(name[start])) start += 1;
  while (end > start && skip(name[end - 1])) end -= 1;
  return name.slice(start, end);
}

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/**
 * Cuts the stem, whole grapheme clusters at a time (no broken emoji or surrogate pair), so that
 * stem and extension fit in `maxBytes` of UTF-8. One pass over the stem.
 */
export function truncateKeepingExtension(name: string, maxBytes: number): string {
  const dot = name.lastIndexOf('.');
  const ext = dot > 0 && name.length - dot <= MAX_EXTENSION_CHARS ? name.slice(dot) : '';
  let room = maxBytes - Buffer.byteLength(ext);
  let stem = '';
  for (const { segment } of graphemes.segment(name.slice(0, name.length - ext.length))) {
    room -= Buffer.byteLength(segment);
    if (room < 0) break;
    stem += segment;
  }
  return ext ? stem + ext : trimDotsAndSpaces(stem);
}

/** `Content-Disposition` with an ASCII fallback and the exact UTF-8 name (RFC 6266 / 8187). */
export function contentDisposition(kind: 'inline' | 'attachment', name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\%]/g, '_');
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

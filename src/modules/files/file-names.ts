// Client-supplied file names are shown to other people and sent back in Content-Disposition:
// keep the base name only, drop control, bidi-override and path characters, bound the length.

// eslint-disable-next-line no-control-regex -- stripping control characters is the point
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069<>:"/\\|?*]/g;
const MAX_BYTES = 200;

/** A name safe to store, display and put in a header; `file` when nothing usable is left. */
export function sanitizeFileName(raw: string | undefined): string {
  // Browsers escape `"`, CR and LF in multipart file names as %22, %0D, %0A (WHATWG HTML).
  const unescaped = (raw ?? '').replace(/%(22|0d|0a)/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  const base = unescaped.split(/[/\\]/).pop() ?? '';
  let name = base.normalize('NFC').replace(UNSAFE, '').replace(/\s+/g, ' ').trim();
  name = name.replace(/^[.\s]+/, '').replace(/[.\s]+$/, '');
  if (Buffer.byteLength(name) > MAX_BYTES) name = truncateKeepingExtension(name);
  return name || 'file';
}

function truncateKeepingExtension(name: string): string {
  const dot = name.lastIndexOf('.');
  const ext = dot > 0 && name.length - dot <= 16 ? name.slice(dot) : '';
  let stem = [...name.slice(0, name.length - ext.length)];
  while (Buffer.byteLength(stem.join('') + ext) > MAX_BYTES) stem = stem.slice(0, -1);
  return stem.join('') + ext;
}

/** `Content-Disposition` with an ASCII fallback and the exact UTF-8 name (RFC 6266 / 8187). */
export function contentDisposition(kind: 'inline' | 'attachment', name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\%]/g, '_');
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

import { createHash } from 'node:crypto';
import { Transform, type TransformCallback } from 'node:stream';
import { TextDecoder } from 'node:util';
import { fileTypeFromBuffer } from 'file-type';

/** How many leading bytes are kept for type detection. */
const HEAD_BYTES = 64 * 1024;

/** What was learnt about a stream while it passed through. */
export interface Inspection {
  size: number;
  sha256: string;
  head: Buffer;
  /** Valid UTF-8 from start to end, without NUL bytes. */
  isText: boolean;
}

/**
 * A pass-through that hashes, counts and keeps the head of the bytes, and checks whether they
 * are text, so nothing is ever held in memory beyond `HEAD_BYTES`.
 */
export class Inspector extends Transform {
  private readonly hash = createHash('sha256');
  private readonly decoder = new TextDecoder('utf-8', { fatal: true });
  private readonly headChunks: Buffer[] = [];
  private headLength = 0;
  private size = 0;
  private text = true;

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.hash.update(chunk);
    this.size += chunk.length;
    if (this.headLength < HEAD_BYTES) {
      const part = chunk.subarray(0, HEAD_BYTES - this.headLength);
      this.headChunks.push(part);
      this.headLength += part.length;
    }
    if (this.text) this.text = this.decodes(chunk, true);
    done(null, chunk);
  }

  private decodes(chunk: Buffer, stream: boolean): boolean {
    if (chunk.includes(0)) return false;
    try {
      this.decoder.decode(chunk, { stream });
      return true;
    } catch {
      return false;
    }
  }

  /** Call once the stream has ended. */
  result(): Inspection {
    if (this.text) this.text = this.decodes(Buffer.alloc(0), false);
    return { size: this.size, sha256: this.hash.digest('hex'), head: Buffer.concat(this.headChunks), isText: this.text };
  }
}

/** Raster images that browsers render safely inline and that get dimensions and a thumbnail. */
export const RASTER_IMAGE_TYPES: ReadonlySet<string> = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp']);

/**
 * Types refused with 415: native executables, installers and packages, browser extensions and
 * other code a click could run. Everything else is accepted and served as an attachment unless
 * it is a raster image.
 */
export const REFUSED_TYPES: ReadonlySet<string> = new Set([
  'application/x-msdownload',
  'application/x-elf',
  'application/x-mach-binary',
  'application/x-msi',
  'application/vnd.android.package-archive',
  'application/x-apple-diskimage',
  'application/x-deb',
  'application/x-rpm',
  'application/java-vm',
  'application/java-archive',
  'application/wasm',
  'application/x-shockwave-flash',
  'application/x-google-chrome-extension',
  'application/x-xpinstall',
  'application/x-ms-regedit',
  'application/vnd.ms-htmlhelp',
]);

/**
 * The media type, from the bytes alone: `file-type`'s magic numbers first; then, for text, HTML
 * and SVG are named for what they are (they are never served inline); other valid UTF-8 without
 * NULs is `text/plain`; anything else `application/octet-stream`. The client's claim is not used.
 */
export async function sniffType(inspection: Inspection): Promise<string> {
  const detected = await fileTypeFromBuffer(inspection.head);
  if (detected) return detected.mime === 'application/xml' ? (textType(inspection.head) ?? detected.mime) : detected.mime;
  if (!inspection.isText) return 'application/octet-stream';
  return textType(inspection.head) ?? 'text/plain';
}

/** How much of the head is looked at for an HTML or SVG preamble. */
const PREAMBLE_CHARS = 4096;

/**
 * HTML or SVG, from the start of the text: an optional XML declaration (SVG only), any number of
 * comments and blank space, an optional SVG doctype, then the root element. Scanned by hand in one
 * pass, because the equivalent regular expression backtracks exponentially on `<!---->` repeats.
 */
function textType(head: Buffer): string | undefined {
  const text = head.subarray(0, PREAMBLE_CHARS).toString('utf8');
  const start = (text.startsWith('\uFEFF') ? text.slice(1) : text).trimStart().toLowerCase();
  const scan = new PreambleScanner(start);
  const xmlDeclaration = scan.skipDeclaration('<?xml');
  scan.skipComments();
  const svgDoctype = scan.skipDeclaration('<!doctype svg');
  if (scan.atElement('svg')) return 'image/svg+xml';
  if (xmlDeclaration || svgDoctype) return undefined;
  if (scan.at('<!doctype html') || ['html', 'head', 'body', 'script'].some((tag) => scan.atElement(tag))) return 'text/html';
  return undefined;
}

/** A cursor over lower-cased text; every step moves forward, so a scan is linear in the text. */
class PreambleScanner {
  private position = 0;

  constructor(private readonly text: string) {}

  at(prefix: string): boolean {
    return this.text.startsWith(prefix, this.position);
  }

  /** `<name` followed by white space or `>`. */
  atElement(name: string): boolean {
    if (!this.at(`<${name}`)) return false;
    const next = this.text.charAt(this.position + name.length + 1);
    return next === '>' || isSpace(next);
  }

  /** Skips `<prefix…>` and the blank space after it, when it is there. */
  skipDeclaration(prefix: string): boolean {
    if (!this.at(prefix)) return false;
    const end = this.text.indexOf('>', this.position + prefix.length);
    if (end < 0) return false;
    this.moveTo(end + 1);
    return true;
  }

  /** Skips `<!-- … -->` comments and the blank space between them. */
  skipComments(): void {
    while (this.at('<!--')) {
      const end = this.text.indexOf('-->', this.position + 4);
      if (end < 0) return;
      this.moveTo(end + 3);
    }
  }

  private moveTo(position: number): void {
    this.position = position;
    while (this.position < this.text.length && isSpace(this.text.charAt(this.position))) this.position += 1;
  }
}

function isSpace(char: string): boolean {
  return char !== '' && char.trim() === '';
}

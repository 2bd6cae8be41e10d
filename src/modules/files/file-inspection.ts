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

function textType(head: Buffer): string | undefined {
  const start = head
    .subarray(0, 4096)
    .toString('utf8')
    .replace(/^\uFEFF/, '')
    .trimStart()
    .toLowerCase();
  if (/^(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*(<!doctype svg[^>]*>\s*)?<svg[\s>]/.test(start)) return 'image/svg+xml';
  if (/^(<!--[\s\S]*?-->\s*)*(<!doctype html|<html[\s>]|<head[\s>]|<body[\s>]|<script[\s>])/.test(start)) return 'text/html';
  return undefined;
}

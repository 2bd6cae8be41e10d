import { PassThrough, type Duplex, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import sharp from 'sharp';
import type { Storage } from '../../lib/storage/storage.js';
import { Inspector, type Inspection } from './file-inspection.js';

export const THUMBNAIL_MAX_PX = 320;
export const THUMBNAIL_TYPE = 'image/webp';
/** Decompression bombs stop here (≈ 10,000 × 10,000). */
const MAX_INPUT_PIXELS = 100_000_000;

/** Streams `source` through `transforms` into a new object; nothing remains under `key` on failure. */
export async function putThrough(storage: Storage, key: string, source: Readable, ...transforms: Duplex[]): Promise<void> {
  const out = new PassThrough();
  await Promise.all([pipeline([source, ...transforms, out]), storage.put(key, out)]);
}

/** `animated` reads every frame; the pixel limit then counts all of them together. */
const decoder = (animated = false) => sharp({ limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error', animated });

export interface ProcessedImage {
  width: number;
  height: number;
  /** The copy re-encoded without metadata (under `clean`), which replaces the upload. */
  cleaned: Inspection;
}

/**
 * Reads an uploaded image: its oriented dimensions, a WebP thumbnail (at most 320 px, no
 * metadata) under `thumbKey`, and a re-encoded copy without EXIF/GPS/XMP/comments under
 * `cleanKey` (JPEG quality 90, PNG lossless, WebP quality 90, GIF with its own palette; stills
 * oriented per EXIF). Animated GIF and WebP are re-encoded frame by frame, keeping their frame
 * delays and loop count. Throws when the bytes do not decode.
 */
export async function processImage(
  storage: Storage,
  keys: { source: string; thumb: string; clean: string },
  mimeType: string,
): Promise<ProcessedImage> {
  const probe = decoder();
  const [meta] = await Promise.all([probe.metadata(), pipeline(storage.read(keys.source), probe)]);
  if (!meta.width || !meta.height) throw new Error('image without dimensions');
  const swap = (meta.orientation ?? 1) >= 5;
  const size = { width: swap ? meta.height : meta.width, height: swap ? meta.width : meta.height };
  const resize = decoder()
    .rotate()
    .resize(THUMBNAIL_MAX_PX, THUMBNAIL_MAX_PX, { fit: 'inside', withoutEnlargement: true })
    .webp({ quality: 80 });
  await putThrough(storage, keys.thumb, storage.read(keys.source), resize);
  const inspector = new Inspector();
  await putThrough(storage, keys.clean, storage.read(keys.source), reencoder(mimeType, (meta.pages ?? 1) > 1), inspector);
  return { ...size, cleaned: inspector.result() };
}

/** Writes no metadata: sharp keeps none unless told to (`withMetadata`, `keepExif`, …). */
function reencoder(mimeType: string, animated: boolean): sharp.Sharp {
  // Frames of an animation are stacked into one tall image; rotating it would scramble them.
  const image = animated ? decoder(true) : decoder().rotate();
  if (mimeType === 'image/jpeg') return image.jpeg({ quality: 90 });
  if (mimeType === 'image/png') return image.png();
  if (mimeType === 'image/gif') return image.gif();
  return image.webp({ quality: 90 });
}

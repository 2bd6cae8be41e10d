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

const decoder = () => sharp({ limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error' });

export interface ProcessedImage {
  width: number;
  height: number;
  /** Set when the original was re-encoded without its metadata; the upload should be replaced by it. */
  cleaned: Inspection | null;
}

/**
 * Reads an uploaded image: its oriented dimensions, a WebP thumbnail (at most 320 px, no
 * metadata) under `thumbKey`, and for still images a re-encoded copy without EXIF/GPS/XMP under
 * `cleanKey` (JPEG quality 90, PNG lossless, WebP quality 90; oriented per EXIF). Animated GIF and
 * WebP keep their bytes (GIF carries no EXIF). Throws when the bytes do not decode.
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
  if ((meta.pages ?? 1) > 1 || mimeType === 'image/gif') return { ...size, cleaned: null };
  const inspector = new Inspector();
  await putThrough(storage, keys.clean, storage.read(keys.source), reencoder(mimeType), inspector);
  return { ...size, cleaned: inspector.result() };
}

function reencoder(mimeType: string): sharp.Sharp {
  const image = decoder().rotate();
  if (mimeType === 'image/jpeg') return image.jpeg({ quality: 90 });
  if (mimeType === 'image/png') return image.png();
  return image.webp({ quality: 90 });
}

import assert from 'node:assert/strict';
import sharp from 'sharp';
import type { TestApp } from '../helpers/app.js';

export interface Uploaded {
  status: number;
  headers: Headers;
  body: any;
}

/** POSTs a multipart body with one file part (field `file` unless told otherwise). */
export async function upload(
  t: TestApp,
  token: string | undefined,
  bytes: Buffer | string,
  name: string,
  options: { type?: string; field?: string } = {},
): Promise<Uploaded> {
  const form = new FormData();
  form.append(options.field ?? 'file', new Blob([bytes], { type: options.type ?? 'application/octet-stream' }), name);
  const res = await fetch(`${t.url}/files`, {
    method: 'POST',
    body: form,
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : undefined };
}

/** A GET returning the raw bytes. */
export async function download(
  url: string,
  options: { token?: string; headers?: Record<string, string> } = {},
): Promise<{ status: number; headers: Headers; bytes: Buffer; json: any }> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  const res = await fetch(url, { headers });
  const bytes = Buffer.from(await res.arrayBuffer());
  const json =
    (res.headers.get('content-type') ?? '').includes('json') && bytes.length ? JSON.parse(bytes.toString()) : undefined;
  return { status: res.status, headers: res.headers, bytes, json };
}

/** A PNG of `width` × `height` carrying EXIF with GPS coordinates. */
export function pngWithGps(width: number, height: number): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: { r: 200, g: 30, b: 60 } } })
    .withExif({ IFD0: { Copyright: 'secret-owner' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '48/1 51/1 2964/100' } })
    .png()
    .toBuffer();
}

/** A JPEG carrying EXIF with GPS coordinates. */
export function jpegWithGps(width: number, height: number): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: { r: 10, g: 120, b: 200 } } })
    .withExif({ IFD0: { Copyright: 'secret-owner' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '48/1 51/1 2964/100' } })
    .jpeg()
    .toBuffer();
}

/** The smallest PDF a reader accepts. */
export const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n2 0 obj <</Type /Pages /Kids [] /Count 0>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n',
);

/** The start of a Windows PE executable ("MZ" header). */
export const EXE = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(126, 0x90), Buffer.from('PE\0\0'), Buffer.alloc(256, 0)]);

/** A presented URL pointed at the test server (presented URLs use the configured PUBLIC_URL). */
export function local(t: TestApp, url: string): string {
  assert.ok(url.startsWith(`${t.config.publicUrl}/`), url);
  return t.url + url.slice(t.config.publicUrl.length);
}

const XMP_PACKET =
  '<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?><x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF ' +
  'xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/">' +
  '<dc:creator>secret-owner</dc:creator></rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end="w"?>';

/** `frames` frames of `width` × `height`, each a different colour, as one tall RGBA image. */
function frameStrip(width: number, height: number, frames: number): sharp.Sharp {
  const raw = Buffer.alloc(width * height * frames * 4);
  for (let i = 0; i < width * height * frames; i++) {
    const frame = Math.floor(i / (width * height));
    raw.set([(frame * 80) % 256, 120, 255 - frame * 40, 255], i * 4);
  }
  return sharp(raw, { raw: { width, height: height * frames, channels: 4, pageHeight: height } });
}

/** An animated WebP carrying EXIF (with GPS) and XMP naming its owner. */
export function animatedWebpWithMetadata(width: number, height: number, frames: number): Promise<Buffer> {
  return frameStrip(width, height, frames)
    .withExif({ IFD0: { Copyright: 'secret-owner' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '48/1 51/1 2964/100' } })
    .withXmp(XMP_PACKET)
    .webp({ delay: Array<number>(frames).fill(120), loop: 0 })
    .toBuffer();
}

/**
 * An animated GIF carrying an XMP application extension and a comment naming its owner (sharp
 * writes neither to GIF, so they are spliced in after the global colour table).
 */
export async function animatedGifWithMetadata(width: number, height: number, frames: number): Promise<Buffer> {
  const gif = await frameStrip(width, height, frames)
    .gif({ delay: Array<number>(frames).fill(120), loop: 0 })
    .toBuffer();
  const packed = gif[10]!;
  const tableEnd = 13 + (packed & 0x80 ? 3 * 2 ** ((packed & 7) + 1) : 0);
  const subBlocks = (data: Buffer) => {
    const out: Buffer[] = [];
    for (let i = 0; i < data.length; i += 255) {
      const piece = data.subarray(i, i + 255);
      out.push(Buffer.from([piece.length]), piece);
    }
    return Buffer.concat([...out, Buffer.from([0])]);
  };
  const xmp = Buffer.concat([Buffer.from([0x21, 0xff, 11]), Buffer.from('XMP DataXMP'), subBlocks(Buffer.from(XMP_PACKET))]);
  const comment = Buffer.concat([Buffer.from([0x21, 0xfe]), subBlocks(Buffer.from('taken by secret-owner'))]);
  return Buffer.concat([gif.subarray(0, tableEnd), xmp, comment, gif.subarray(tableEnd)]);
}

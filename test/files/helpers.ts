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

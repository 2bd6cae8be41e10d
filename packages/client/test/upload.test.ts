import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import sharp from 'sharp';
import { useTestApp } from '../../../test/helpers/app.js';
import { createUser } from '../../../test/helpers/factories.js';
import { ApiError, type ChatClient, type XMLHttpRequestLike } from '../src/index.js';
import { makeClient } from './support.js';

const t = useTestApp();
const clients: ChatClient[] = [];
after(() => clients.forEach((c) => c.close()));

async function signedIn(options: Parameters<typeof makeClient>[1] = {}) {
  const user = await createUser(t.current);
  const { client, http } = makeClient(t.current.url, options);
  clients.push(client);
  await client.login({ email: user.email, password: user.password });
  return { user, client, http };
}

const png = () =>
  sharp({ create: { width: 64, height: 48, channels: 3, background: { r: 200, g: 30, b: 60 } } })
    .png()
    .toBuffer();

/**
 * An XMLHttpRequest made of fetch, as a browser would behave: it reports upload progress in
 * chunks before the answer arrives.
 */
class FetchXhr implements XMLHttpRequestLike {
  static progress: [number, number][] = [];
  status = 0;
  responseText = '';
  upload: XMLHttpRequestLike['upload'] = { onprogress: null };
  onload: (() => void) | null = null;
  onerror: (() => void) | null = null;
  onabort: (() => void) | null = null;
  private url = '';
  private headers: Record<string, string> = {};
  private answer: Response | undefined;
  open(_method: string, url: string) {
    this.url = url;
  }
  setRequestHeader(name: string, value: string) {
    this.headers[name] = value;
  }
  getResponseHeader(name: string) {
    return this.answer?.headers.get(name) ?? null;
  }
  abort() {
    this.onabort?.();
  }
  send(body: FormData) {
    const file = body.get('file') as Blob;
    for (const loaded of [file.size / 2, file.size]) {
      FetchXhr.progress.push([loaded, file.size]);
      this.upload.onprogress?.({ loaded, total: file.size, lengthComputable: true });
    }
    fetch(this.url, { method: 'POST', body, headers: this.headers }).then(
      async (response) => {
        this.answer = response;
        this.status = response.status;
        this.responseText = await response.text();
        this.onload?.();
      },
      () => this.onerror?.(),
    );
  }
}

test('upload (fetch in Node): an image comes back as a File with its thumbnail; progress reports the end', async () => {
  const { client } = await signedIn();
  const progress: [number, number][] = [];
  const bytes = await png();
  const file = await client.upload(new Blob([bytes], { type: 'image/png' }), {
    name: 'red.png',
    onProgress: (loaded, total) => progress.push([loaded, total]),
  });
  assert.equal(file.name, 'red.png');
  assert.equal(file.mimeType, 'image/png');
  assert.equal(file.width, 64);
  assert.ok(file.thumbnailUrl, 'an image has a thumbnail');
  assert.deepEqual(progress, [[bytes.length, bytes.length]]);
  const signed = new URL(file.thumbnailUrl);
  const thumbnail = await fetch(new URL(signed.pathname + signed.search, t.current.url));
  assert.equal(thumbnail.status, 200);
});

test('upload (XMLHttpRequest): progress as bytes go out, a refusal throws the ApiError', async () => {
  FetchXhr.progress = [];
  const { client } = await signedIn({ XMLHttpRequest: FetchXhr });
  const seen: number[] = [];
  const bytes = await png();
  const file = await client.upload(new Blob([bytes]), { name: 'a.png', onProgress: (loaded) => seen.push(loaded) });
  assert.equal(file.size, bytes.length);
  assert.deepEqual(seen, [bytes.length / 2, bytes.length]);

  await assert.rejects(
    client.upload(new Blob([]), { name: 'empty.txt' }),
    (error: unknown) => error instanceof ApiError && error.status >= 400 && error.status < 500 && error.code.length > 0,
  );
});

test('upload refreshes the access token once on 401 token_expired and sends again', async () => {
  let files = 0;
  const refreshes: string[] = [];
  // The server's answer to an expired token, for the first upload (waiting out a real token is slow).
  const fetchStub = async (request: Request): Promise<Response> => {
    const url = new URL(request.url).pathname;
    if (url === '/token/refresh') refreshes.push(url);
    if (url === '/files' && files++ === 0) {
      const problem = { type: 'about:blank', title: 'Unauthorized', status: 401, code: 'token_expired', detail: 'expired' };
      return new Response(JSON.stringify(problem), { status: 401, headers: { 'content-type': 'application/problem+json' } });
    }
    return fetch(request);
  };
  const { client } = await signedIn({ fetch: fetchStub });
  const file = await client.upload(new Blob([await png()]), { name: 'again.png' });
  assert.equal(file.name, 'again.png');
  assert.equal(files, 2);
  assert.equal(refreshes.length, 1);
});

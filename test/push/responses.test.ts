import assert from 'node:assert/strict';
import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import { MAX_RESPONSE_BYTES, safePost } from '../../src/modules/delivery/safe-fetch.js';

// What an endpoint answers cannot hold a delivery worker: redirects are returned as they are,
// answers are read up to a bound and every exchange ends at its time-out.

type Handler = (req: IncomingMessage, res: ServerResponse) => void;
let handler: Handler = (_req, res) => res.writeHead(204).end();
const hits: string[] = [];
let server: Server;
let origin = '';

before(async () => {
  server = createServer((req, res) => {
    hits.push(req.url ?? '');
    req.resume();
    handler(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
after(() => {
  server.closeAllConnections();
  return new Promise<void>((resolve) => server.close(() => resolve()));
});

const post = (path: string, timeoutMs = 2000) =>
  safePost(`${origin}${path}`, { headers: {}, body: '{}', timeoutMs }, { allowLoopback: true });

test('a redirect is answered as it is, never followed', async () => {
  for (const status of [301, 302, 303, 307, 308]) {
    handler = (req, res) =>
      req.url === '/moved' ? res.writeHead(status, { location: `${origin}/target` }).end() : res.writeHead(204).end();
    hits.length = 0;
    const res = await post('/moved');
    assert.equal(res.status, status);
    assert.equal(res.headers.location, `${origin}/target`);
    // A later request arrives after anything a follow would have sent.
    assert.equal((await post('/later')).status, 204);
    assert.deepEqual(hits, ['/moved', '/later'], `${status} was not followed`);
  }
});

test('an endless answer is read up to the bound, then the connection is dropped', async () => {
  let served: ServerResponse | undefined;
  handler = (_req, res) => {
    served = res;
    res.writeHead(200, { 'content-type': 'text/plain' });
    const chunk = Buffer.alloc(256 * 1024, 'a');
    const pump = () => {
      while (!res.destroyed && res.write(chunk));
    };
    res.on('drain', pump);
    pump();
  };
  const res = await post('/endless', 10_000);
  assert.equal(res.status, 200);
  assert.equal(res.body.length, MAX_RESPONSE_BYTES);
  if (!served!.destroyed) await once(served!, 'close');
});

test('an answer still trickling at the time-out is a time-out (retried like any other)', async () => {
  handler = (_req, res) => {
    res.writeHead(200);
    res.write('partial');
  };
  const started = Date.now();
  await assert.rejects(post('/trickle', 400), /timed out/);
  assert.ok(Date.now() - started < 5000, 'ended at the time-out');
});

test('an endpoint that never answers fails at the time-out', async () => {
  handler = () => {};
  const started = Date.now();
  await assert.rejects(post('/silent', 400), /timed out/);
  assert.ok(Date.now() - started < 5000);
});

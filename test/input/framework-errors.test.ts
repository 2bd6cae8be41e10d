import assert from 'node:assert/strict';
import net from 'node:net';
import { test } from 'node:test';
import { useTestApp } from '../helpers/app.js';
import { createUser } from '../helpers/factories.js';

const t = useTestApp();

interface Answer {
  status: number;
  contentType: string;
  body: any;
}

async function send(path: string, init: RequestInit = {}): Promise<Answer> {
  const res = await fetch(`${t.current.url}${path}`, init);
  const text = await res.text();
  const contentType = res.headers.get('content-type') ?? '';
  return { status: res.status, contentType, body: contentType.includes('json') ? JSON.parse(text) : text };
}

function assertProblem(answer: Answer, status: number, code: string): void {
  assert.equal(answer.status, status, JSON.stringify(answer.body));
  assert.match(answer.contentType, /^application\/problem\+json/);
  assert.equal(answer.body.code, code);
  assert.equal(answer.body.status, status);
}

/** Writes bytes the HTTP parser refuses and reads what comes back before the socket closes. */
function rawExchange(bytes: string): Promise<string> {
  const { port } = new URL(t.current.url);
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(port), '127.0.0.1', () => socket.write(bytes));
    let out = '';
    socket.on('data', (chunk) => (out += chunk.toString('utf8')));
    socket.on('close', () => resolve(out));
    socket.on('error', reject);
  });
}

test('a path that is not valid percent-encoded UTF-8 is problem+json 400 bad_request', async () => {
  const me = await createUser(t.current);
  const auth = { authorization: `Bearer ${me.token}` };
  for (const path of ['/groups/%ED%A0%80', '/groups/%', '/users/%zz', '/messages/%C0%AF/receipts']) {
    assertProblem(await send(path, { headers: auth }), 400, 'bad_request');
  }
  assertProblem(await send('/groups/%ED%A0%80', { method: 'PUT', headers: auth }), 400, 'bad_request');
});

test('a path parameter longer than the router keeps is 400 validation_failed, not 414 JSON', async () => {
  const me = await createUser(t.current);
  const res = await send(`/groups/${'a'.repeat(200)}`, { headers: { authorization: `Bearer ${me.token}` } });
  assertProblem(res, 400, 'validation_failed');
  assert.equal(res.body.errors[0].path, 'params');
});

test('bodies the parser refuses answer problem+json with a stable code', async () => {
  const json = { 'content-type': 'application/json' };
  assertProblem(await send('/login', { method: 'POST', headers: json, body: '{"email":' }), 400, 'invalid_json');
  assertProblem(await send('/login', { method: 'POST', headers: json, body: '' }), 400, 'invalid_json');
  assertProblem(
    await send('/login', { method: 'POST', headers: json, body: '{"__proto__":{"admin":true}}' }),
    400,
    'invalid_json',
  );
  const big = JSON.stringify({ email: 'a@example.com', password: 'x'.repeat(1_100_000) });
  assertProblem(await send('/login', { method: 'POST', headers: json, body: big }), 413, 'payload_too_large');
  for (const type of ['text/plain', 'application/xml', 'application/x-www-form-urlencoded', ';;']) {
    const res = await send('/login', { method: 'POST', headers: { 'content-type': type }, body: 'email=a' });
    assertProblem(res, 415, 'unsupported_media_type');
  }
});

test('duplicate and unknown query parameters are 400 validation_failed', async () => {
  const me = await createUser(t.current);
  const auth = { authorization: `Bearer ${me.token}` };
  assertProblem(await send('/friends?limit=1&limit=2', { headers: auth }), 400, 'validation_failed');
  const many = Array.from({ length: 1000 }, (_, i) => `p${i}=1`).join('&');
  assertProblem(await send(`/friends?${many}`, { headers: auth }), 400, 'validation_failed');
});

test('a multipart upload without a boundary is 400, not 500', async () => {
  const me = await createUser(t.current);
  const res = await send('/files', {
    method: 'POST',
    headers: { authorization: `Bearer ${me.token}`, 'content-type': 'multipart/form-data' },
    body: 'not multipart at all',
  });
  assertProblem(res, 400, 'bad_request');
});

test('requests the HTTP parser refuses are answered with problem+json before the socket closes', async () => {
  const cases: [string, number, string][] = [
    ['GET /healthz HTTP/1.1\r\nHost: x\r\nNo colon here\r\n\r\n', 400, 'bad_request'],
    ['POST /login HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\n{}', 400, 'bad_request'],
    [`GET /healthz?${'a'.repeat(20_000)} HTTP/1.1\r\nHost: x\r\n\r\n`, 431, 'headers_too_large'],
  ];
  for (const [bytes, status, code] of cases) {
    const answer = await rawExchange(bytes);
    const [head = '', body = ''] = answer.split('\r\n\r\n');
    assert.match(head, new RegExp(`^HTTP/1\\.1 ${status} `), answer);
    assert.match(head, /content-type: application\/problem\+json/i);
    assert.equal(JSON.parse(body).code, code);
  }
  assert.equal((await send('/healthz')).status, 200);
});

test('an OPTIONS request that is not a CORS preflight is not answered with a text/plain 400', async () => {
  const res = await send('/groups', { method: 'OPTIONS' });
  assert.ok(res.status < 400 || /^application\/problem\+json/.test(res.contentType), `${res.status} ${res.contentType}`);
});

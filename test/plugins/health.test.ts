import assert from 'node:assert/strict';
import { test } from 'node:test';
import { useTestApp } from '../helpers/app.js';

const t = useTestApp();

test('healthz and readyz answer ok', async () => {
  const live = await t.current.http.get('/healthz');
  assert.equal(live.status, 200);
  assert.deepEqual(live.body, { status: 'ok' });
  const ready = await t.current.http.get('/readyz');
  assert.equal(ready.status, 200);
});

test('unknown routes answer problem+json 404', async () => {
  const res = await t.current.http.get('/nope');
  assert.equal(res.status, 404);
  assert.match(res.headers.get('content-type') ?? '', /application\/problem\+json/);
  assert.equal(res.body.code, 'not_found');
  assert.equal(res.body.status, 404);
});

test('metrics expose request counters', async () => {
  await t.current.http.get('/healthz');
  const res = await t.current.http.get('/metrics');
  assert.equal(res.status, 200);
  assert.match(res.text, /chat_http_requests_total\{method="GET",route="\/healthz",status="200"\}/);
});

test('openapi document is served', async () => {
  const res = await t.current.http.get('/openapi.json');
  assert.equal(res.status, 200);
  assert.equal(res.body.openapi, '3.1.0');
  assert.ok(res.body.paths['/healthz']);
});

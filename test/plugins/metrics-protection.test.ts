import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { describe, test } from 'node:test';
import { useTestApp } from '../helpers/app.js';
import { productionEnv } from '../helpers/production.js';

const production = productionEnv;
const TOKEN = 'metrics-token-0123456789abcdef';

describe('production without METRICS_TOKEN or METRICS_PORT', () => {
  const t = useTestApp({ env: production });
  test('GET /metrics on the API port answers 404', async () => {
    const res = await t.current.http.get('/metrics');
    assert.equal(res.status, 404);
    assert.equal(res.body.code, 'not_found');
    assert.doesNotMatch(res.text, /chat_http_requests_total/);
  });
});

describe('production with METRICS_TOKEN', () => {
  const t = useTestApp({ env: { ...production, METRICS_TOKEN: TOKEN } });
  const scrape = (authorization?: string) =>
    t.current.http.request('GET', '/metrics', { headers: authorization ? { authorization } : {} });
  test('GET /metrics needs the token as a Bearer token', async () => {
    for (const header of [undefined, 'Bearer wrong-token-0123456789', `Basic ${TOKEN}`, `Bearer ${TOKEN}x`]) {
      const refused = await scrape(header);
      assert.equal(refused.status, 401, String(header));
      assert.equal(refused.body.code, 'unauthorized');
      assert.equal(refused.headers.get('www-authenticate'), 'Bearer');
    }
    const ok = await scrape(`Bearer ${TOKEN}`);
    assert.equal(ok.status, 200);
    assert.match(ok.text, /chat_http_requests_total/);
  });
});

describe('METRICS_PORT: a separate listener', () => {
  const t = useTestApp({ env: { ...production, METRICS_PORT: '0' } });
  const metricsUrl = () => `http://127.0.0.1:${(t.current.app.metricsServer!.address() as AddressInfo).port}`;
  test('metrics are served there and the API port answers 404', async () => {
    assert.equal((await t.current.http.get('/metrics')).status, 404);
    const res = await fetch(`${metricsUrl()}/metrics`);
    assert.equal(res.status, 200);
    assert.match(await res.text(), /chat_http_requests_total/);
    const other = await fetch(`${metricsUrl()}/profile`);
    assert.equal(other.status, 404);
    assert.match(other.headers.get('content-type') ?? '', /problem\+json/);
  });
});

describe('METRICS_PORT with METRICS_TOKEN: the token is required there too', () => {
  const t = useTestApp({ env: { ...production, METRICS_PORT: '0', METRICS_TOKEN: TOKEN } });
  test('without the token 401, with it 200', async () => {
    const url = `http://127.0.0.1:${(t.current.app.metricsServer!.address() as AddressInfo).port}/metrics`;
    assert.equal((await fetch(url)).status, 401);
    assert.equal((await fetch(url, { headers: { authorization: `Bearer ${TOKEN}` } })).status, 200);
  });
});

describe('outside production', () => {
  const t = useTestApp();
  test('GET /metrics stays open on the API port for development', async () => {
    const res = await t.current.http.get('/metrics');
    assert.equal(res.status, 200);
    assert.match(res.text, /chat_process_cpu_seconds_total/);
  });
});

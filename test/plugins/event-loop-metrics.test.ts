import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { test } from 'node:test';
import { useTestApp } from '../helpers/app.js';

const t = useTestApp();

async function delays(): Promise<Map<string, number>> {
  const res = await fetch(`${t.current.url}/metrics`);
  assert.equal(res.status, 200);
  const text = await res.text();
  assert.match(text, /^# TYPE chat_event_loop_delay_seconds gauge$/m);
  const values = new Map<string, number>();
  for (const [, quantile, value] of text.matchAll(/^chat_event_loop_delay_seconds\{quantile="([\d.]+)"\} (\S+)$/gm)) {
    values.set(quantile!, Number(value));
  }
  return values;
}

test('/metrics reports the event loop delay: median, p99 and maximum since the last scrape', async () => {
  const first = await delays();
  assert.deepEqual([...first.keys()].sort(), ['0.5', '0.99', '1']);
  for (const value of first.values()) assert.ok(Number.isFinite(value) && value >= 0);

  // The app runs in this process: holding the loop for 200 ms must show as a delay of at least
  // a good part of it (a lower bound only; a slower machine can only add to it).
  await sleep(50);
  const until = Date.now() + 200;
  while (Date.now() < until) {
    // busy on purpose
  }
  await sleep(50);
  const second = await delays();
  assert.ok(second.get('1')! >= 0.1, `max ${second.get('1')}`);
  assert.ok(second.get('0.5')! <= second.get('0.99')! && second.get('0.99')! <= second.get('1')!);
});

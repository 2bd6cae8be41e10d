import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AppError } from '../../src/lib/errors.js';
import { createMemoryRateLimiter } from '../../src/lib/rate-limiter.js';
import { assertFailuresLeft, countFailure, loginFailureBuckets } from '../../src/modules/auth/auth.limits.js';

// The staircase of login failures per account and address, on a clock the test moves.
test('failed logins from one address wait longer and longer: a minute, six minutes, then a daily cap', async () => {
  let clock = 1_000_000;
  const limiter = createMemoryRateLimiter(() => clock);
  const { accountIp } = loginFailureBuckets('Ada@Example.test', '10.0.0.1');
  const waitNow = async (): Promise<number> => {
    try {
      await assertFailuresLeft(limiter, accountIp);
      return 0;
    } catch (error) {
      assert.ok(error instanceof AppError && error.code === 'rate_limited');
      return error.retryAfter ?? 0;
    }
  };
  /** Fails as soon as allowed; returns the wait before this failure (seconds). */
  const fail = async (): Promise<number> => {
    const wait = await waitNow();
    clock += wait * 1000;
    assert.equal(await waitNow(), 0);
    await countFailure(limiter, accountIp);
    return wait;
  };
  const waits: number[] = [];
  for (let i = 0; i < 21; i += 1) waits.push(await fail());
  assert.deepEqual(waits.slice(0, 5), [0, 0, 0, 0, 0], 'five at once');
  assert.ok(
    waits.slice(5, 10).every((w) => w > 0 && w <= 60),
    `then about one a minute: ${waits.slice(5, 10).join(',')}`,
  );
  assert.ok(
    waits.slice(10, 20).every((w) => w > 60 && w <= 360),
    `then about one in six minutes: ${waits.slice(10, 20).join(',')}`,
  );
  assert.ok(waits[20]! > 360, `then the daily cap: ${waits[20]}`);
  // Another address, and the same address for another account, are not affected.
  await assertFailuresLeft(limiter, loginFailureBuckets('ada@example.test', '10.0.0.2').accountIp);
  await assertFailuresLeft(limiter, loginFailureBuckets('bob@example.test', '10.0.0.1').accountIp);
  // The key ignores case, so changing the case of the address does not open a new bucket.
  assert.ok((await waitNow()) > 0);
});

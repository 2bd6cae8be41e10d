import assert from 'node:assert/strict';
import { test } from 'node:test';
import { durableEventTypes as serverTypes } from '../../../src/events/catalog.js';
import { durableEventTypes as clientTypes } from '../src/index.js';

test('every durable event type of the server has a payload type in the client', () => {
  const mapped = new Set<string>(clientTypes);
  const missing = serverTypes.filter((type) => !mapped.has(type));
  assert.deepEqual(missing, [], `map these in packages/client/src/events.ts: ${missing.join(', ')}`);
});

test('the client maps no event type the server does not have', () => {
  const emitted = new Set<string>(serverTypes);
  assert.deepEqual(
    clientTypes.filter((type) => !emitted.has(type)),
    [],
  );
});

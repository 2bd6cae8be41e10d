import assert from 'node:assert/strict';
import { test } from 'node:test';
import { useTestApp } from '../helpers/app.js';
import { createUser } from '../helpers/factories.js';

const t = useTestApp();

test('"Infinity" and "1e400" for an integer are 400 validation_failed, not a number the database refuses', async () => {
  const me = await createUser(t.current);
  const group = await t.current.http.post('/groups', { name: 'Numbers', memberIds: [] }, me.token);
  assert.equal(group.status, 201);
  const paths = [
    '/blocks?limit=Infinity',
    '/friends?limit=-Infinity',
    '/notifications?limit=1e400',
    '/sessions?limit=Infinity',
    `/groups/${group.body.id}/members?limit=-1e999`,
    `/conversations/${group.body.conversationId}/messages?limit=Infinity`,
  ];
  for (const path of paths) {
    const res = await t.current.http.get(path, me.token);
    assert.equal(res.status, 400, `${path}: ${res.text}`);
    assert.match(res.headers.get('content-type') ?? '', /^application\/problem\+json/);
    assert.equal(res.body.code, 'validation_failed');
    assert.equal(res.body.errors[0].path, 'querystring.limit');
  }
  assert.equal((await t.current.http.get('/blocks?limit=5', me.token)).status, 200);
});

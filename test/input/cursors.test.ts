import assert from 'node:assert/strict';
import { test } from 'node:test';
import { useTestApp } from '../helpers/app.js';
import { createUser } from '../helpers/factories.js';

const t = useTestApp();

const forge = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const uuid = '0193a1b2-7c4d-7e8f-9a0b-1c2d3e4f5a6b';
const iso = '2026-01-02T03:04:05.678Z';

/** Cursors a client could forge for a `(time, id)` list: well-formed base64url JSON, wrong contents. */
const forgedTimeCursors = [
  forge([iso, 'not-a-uuid']),
  forge([iso, "x'::uuid"]),
  forge(['2026-02-31T00:00:00.000Z', uuid]),
  forge(['yesterday', uuid]),
  forge(['0000-01-01T00:00:00.000Z', uuid]),
  forge([iso, 42]),
  forge([1, uuid]),
  forge([iso, uuid, 'extra']),
  forge({ at: iso, id: uuid }),
  forge(null),
  forge([iso, `${uuid}\u0000`]),
];

async function expectInvalidCursor(path: string, token: string, cursor: string): Promise<void> {
  const sep = path.includes('?') ? '&' : '?';
  const res = await t.current.http.get(`${path}${sep}cursor=${encodeURIComponent(cursor)}`, token);
  const decoded = Buffer.from(cursor, 'base64url').toString('utf8');
  assert.equal(res.status, 400, `${path} with ${decoded}: ${res.text}`);
  assert.match(res.headers.get('content-type') ?? '', /^application\/problem\+json/);
  assert.equal(res.body.code, 'invalid_cursor');
  assert.equal(res.body.errors?.[0]?.path, 'querystring.cursor');
}

test('every (time, id) list answers a forged cursor with 400 invalid_cursor, not a failed ::uuid cast', async () => {
  const me = await createUser(t.current);
  const group = await t.current.http.post('/groups', { name: 'Cursor club', memberIds: [] }, me.token);
  assert.equal(group.status, 201);
  const lists = ['/friends', '/notifications', '/groups', '/sessions', '/blocks', `/groups/${group.body.id}/members`];
  for (const path of lists) {
    for (const cursor of forgedTimeCursors) await expectInvalidCursor(path, me.token, cursor);
  }
});

test('the conversation list checks its PostgreSQL-time cursor the same way', async () => {
  const me = await createUser(t.current);
  for (const cursor of [
    forge(['2026-01-02 03:04:05.123456+00', 'nope']),
    forge(['2026-02-30 03:04:05.123456+00', uuid]),
    forge(['2026-01-02 03:04:05.123456+99', uuid]),
    forge(['0000-01-02 03:04:05+00', uuid]),
    forge([iso, uuid]),
  ]) {
    await expectInvalidCursor('/conversations', me.token, cursor);
  }
});

test('user search refuses a cursor that is not a username', async () => {
  const me = await createUser(t.current);
  for (const cursor of [forge(['ab\u0000']), forge(['\ud800']), forge([7]), forge(['a'.repeat(33)])]) {
    await expectInvalidCursor('/users?query=us', me.token, cursor);
  }
});

test('cursors the server hands out still page through every list', async () => {
  const me = await createUser(t.current);
  for (let i = 0; i < 3; i += 1) {
    assert.equal((await t.current.http.post('/groups', { name: `Page ${i}`, memberIds: [] }, me.token)).status, 201);
  }
  const seen: string[] = [];
  let cursor: string | null = null;
  do {
    const query: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
    const res = await t.current.http.get(`/groups?limit=2${query}`, me.token);
    assert.equal(res.status, 200, res.text);
    seen.push(...res.body.groups.map((g: { id: string }) => g.id));
    cursor = res.body.nextCursor;
  } while (cursor);
  assert.equal(new Set(seen).size, 3);
  const convs = await t.current.http.get('/conversations?limit=1', me.token);
  assert.equal(convs.status, 200);
  assert.ok(convs.body.nextCursor);
  const next = await t.current.http.get(`/conversations?limit=1&cursor=${encodeURIComponent(convs.body.nextCursor)}`, me.token);
  assert.equal(next.status, 200, next.text);
});

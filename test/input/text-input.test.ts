import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { useTestApp } from '../helpers/app.js';
import { befriend, createUser } from '../helpers/factories.js';
import type { Response } from '../helpers/http.js';

const t = useTestApp();

function assertUnstorable(res: Response, path: string): void {
  assert.equal(res.status, 400, res.text);
  assert.match(res.headers.get('content-type') ?? '', /^application\/problem\+json/);
  assert.equal(res.body.code, 'validation_failed');
  assert.equal(res.body.errors?.[0]?.path, path, res.text);
  assert.match(res.body.errors[0].message, /U\+0000/);
}

test('a NUL byte in message text, a display name or a bio is 400 validation_failed naming the field', async () => {
  const [a, b] = [await createUser(t.current), await createUser(t.current)];
  await befriend(t.current, a, b);
  const { http } = t.current;
  assertUnstorable(await http.post('/messages', { recipientId: b.id, text: 'hi\u0000there' }, a.token), 'body.text');
  assertUnstorable(await http.put('/profile', { displayName: 'Ada\u0000' }, a.token), 'body.displayName');
  assertUnstorable(await http.put('/profile', { bio: '\u0000' }, a.token), 'body.bio');
  const sent = await http.post('/messages', { recipientId: b.id, text: 'fine' }, a.token);
  assert.equal(sent.status, 201);
  assertUnstorable(await http.patch(`/messages/${sent.body.id}`, { text: 'edit\u0000' }, a.token), 'body.text');
  assertUnstorable(
    await http.post('/messages', { recipientId: b.id, text: 'x', clientMessageId: 'k\u0000' }, a.token),
    'body.clientMessageId',
  );
});

test('unpaired surrogates are refused too: they would be stored as U+FFFD, changing the text', async () => {
  const [a, b] = [await createUser(t.current), await createUser(t.current)];
  await befriend(t.current, a, b);
  const { http } = t.current;
  assertUnstorable(await http.post('/messages', { recipientId: b.id, text: 'cut \ud83d' }, a.token), 'body.text');
  assertUnstorable(await http.put('/profile', { bio: '\udc00 alone' }, a.token), 'body.bio');
  const group = await http.post('/groups', { name: 'G', memberIds: [], description: 'x\ud800y' }, a.token);
  assertUnstorable(group, 'body.description');
  // A whole pair is a character like any other.
  const emoji = await http.post('/messages', { recipientId: b.id, text: 'ok \ud83d\ude00' }, a.token);
  assert.equal(emoji.status, 201);
  assert.equal(emoji.body.text, 'ok 😀');
});

test('query strings and other bodies are checked by the same format', async () => {
  const a = await createUser(t.current);
  const { http } = t.current;
  assertUnstorable(await http.get('/users?query=ab%00', a.token), 'querystring.query');
  assertUnstorable(await http.post('/friends/add', { username: 'bob\u0000' }, a.token), 'body.username');
  assertUnstorable(await http.post('/login', { email: 'a@example.com', password: 'pw\u0000' }), 'body.password');
  assertUnstorable(await http.post('/token/refresh', { refreshToken: '\u0000' }), 'body.refreshToken');
});

/** Every string a client sends must carry a format (or be an enum): `text` when nothing stricter fits. */
test('every string in every request schema of the OpenAPI document has a format', () => {
  const doc = JSON.parse(readFileSync(new URL('../../docs/openapi.json', import.meta.url), 'utf8'));
  const resolve = (node: any): any => {
    if (!node?.$ref) return node;
    return node.$ref
      .replace(/^#\//, '')
      .split('/')
      .reduce((at: any, key: string) => at?.[key], doc);
  };
  const unformatted: string[] = [];
  const walk = (raw: any, where: string): void => {
    const node = resolve(raw);
    if (!node || typeof node !== 'object') return;
    const types = [node.type].flat();
    if (types.includes('string') && !node.format && !node.enum && node.const === undefined) unformatted.push(where);
    for (const [key, sub] of Object.entries(node.properties ?? {})) walk(sub, `${where}.${key}`);
    if (node.items) walk(node.items, `${where}[]`);
    if (node.additionalProperties && typeof node.additionalProperties === 'object') walk(node.additionalProperties, `${where}.*`);
    for (const sub of [...(node.anyOf ?? []), ...(node.oneOf ?? []), ...(node.allOf ?? [])]) walk(sub, where);
  };
  for (const [path, operations] of Object.entries<any>(doc.paths)) {
    for (const [method, op] of Object.entries<any>(operations)) {
      for (const param of op.parameters ?? []) walk(param.schema, `${method} ${path} ${param.in}.${param.name}`);
      const json = op.requestBody?.content?.['application/json'];
      if (json) walk(json.schema, `${method} ${path} body`);
    }
  }
  assert.deepEqual(unformatted, [], 'declare these with Text() from src/lib/schemas.ts');
});

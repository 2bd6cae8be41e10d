import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parse } from 'yaml';
import { durableEventTypes } from '../../src/events/catalog.js';
import { useTestApp } from '../helpers/app.js';

const t = useTestApp();

type Doc = Record<string, any>;

/** Every object in `node` that still carries a type-name title inline (it should be a $ref). */
function inlineNamed(node: unknown, found: string[] = []): string[] {
  if (Array.isArray(node)) for (const item of node) inlineNamed(item, found);
  else if (node && typeof node === 'object') {
    const obj = node as Record<string, unknown>;
    if (typeof obj.title === 'string' && /^[A-Z][A-Za-z0-9]*$/.test(obj.title) && obj.type) found.push(obj.title);
    for (const value of Object.values(obj)) inlineNamed(value, found);
  }
  return found;
}

/** Every local `$ref` in `doc` that points nowhere. */
function danglingRefs(doc: Doc): string[] {
  const refs: string[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const ref = (node as Doc).$ref;
      if (typeof ref === 'string') refs.push(ref);
      Object.values(node).forEach(walk);
    }
  };
  walk(doc);
  return refs.filter((ref) => {
    let target: unknown = doc;
    for (const part of ref.replace(/^#\//, '').split('/')) target = (target as Doc | undefined)?.[part];
    return target === undefined;
  });
}

test('every $ref of both documents resolves', async () => {
  for (const url of ['/openapi.json', '/asyncapi.json']) {
    const { body } = await t.current.http.get<Doc>(url);
    assert.deepEqual(danglingRefs(body), [], url);
  }
});

const jsonSchemaOf = (op: Doc, status: string) => op.responses[status].content['application/json'].schema;

test('OpenAPI names the shared objects in components.schemas and refers to them', async () => {
  const { status, body: doc } = await t.current.http.get<Doc>('/openapi.json');
  assert.equal(status, 200);
  for (const name of ['User', 'PublicUser', 'Message', 'Group', 'Member', 'Notification', 'File', 'Session', 'Problem']) {
    assert.ok(doc.components.schemas[name], `components.schemas.${name}`);
  }
  assert.deepEqual(inlineNamed(doc.paths), [], 'no named schema left inline in the paths');
  assert.deepEqual(jsonSchemaOf(doc.paths['/friends/add'].post, '201'), { $ref: '#/components/schemas/FriendRequestEnvelope' });
  assert.deepEqual(doc.components.schemas.FriendRequest.properties.from, { $ref: '#/components/schemas/PublicUser' });
  assert.deepEqual(jsonSchemaOf(doc.paths['/users/{userId}'].get, '404'), { $ref: '#/components/schemas/Problem' });
});

test('OpenAPI describes GET /ws: the query, the upgrade and the close codes', async () => {
  const { body: doc } = await t.current.http.get<Doc>('/openapi.json');
  const ws = doc.paths['/ws'].get;
  assert.deepEqual(ws.parameters.map((p: Doc) => p.name).sort(), ['since', 'token']);
  assert.ok(ws.responses['101']);
  for (const code of ['4001', '4008', '4009', '1012']) assert.match(ws.description, new RegExp(code));
  assert.match(doc.info.description, /\/asyncapi\.json/);
});

test('a plain GET /ws without upgrade answers 426 problem+json', async () => {
  const res = await t.current.http.get('/ws');
  assert.equal(res.status, 426);
  assert.match(res.headers.get('content-type') ?? '', /application\/problem\+json/);
  assert.equal(res.body.code, 'upgrade_required');
});

test('the AsyncAPI document is served as JSON and YAML, the same document', async () => {
  const json = await t.current.http.get<Doc>('/asyncapi.json');
  const yaml = await t.current.http.get<string>('/asyncapi.yaml');
  assert.equal(json.status, 200);
  assert.equal(yaml.status, 200);
  assert.match(yaml.headers.get('content-type') ?? '', /yaml/);
  assert.equal(json.body.asyncapi, '3.0.0');
  assert.deepEqual(parse(yaml.text), json.body);
});

test('every durable event type has its own message with a typed, named payload', async () => {
  const { body: doc } = await t.current.http.get<Doc>('/asyncapi.json');
  const resolve = (ref: string): Doc => {
    const [, section, name] = /^#\/components\/(messages|schemas)\/(.+)$/.exec(ref) ?? [];
    assert.ok(section && name && doc.components[section][name], `resolves ${ref}`);
    return doc.components[section][name];
  };
  const received = new Set(doc.operations.receive.messages.map((m: Doc) => m.$ref.split('/').pop()));
  for (const type of [...durableEventTypes, 'notification.read']) {
    assert.ok(received.has(type), `${type} is received on the channel`);
    const payload = resolve(doc.components.messages[type].payload.$ref);
    assert.equal(payload.properties.type.const, type);
    const data = payload.properties.data;
    assert.ok(data.$ref, `${type}: data is a named schema, not an inline object`);
    const target = resolve(data.$ref);
    assert.ok(target.properties || target.anyOf, `${type}: data is typed`);
  }
  for (const frame of ['ready', 'presence.updated', 'typing', 'pong', 'resync_required', 'error']) {
    assert.ok(received.has(frame), `${frame} frame`);
  }
  const sent = doc.operations.send.messages.map((m: Doc) => m.$ref.split('/').pop()).sort();
  assert.deepEqual(sent, ['client.ack', 'client.auth', 'client.ping', 'client.typing']);
  assert.equal(resolve('#/components/schemas/ReadyFrame').properties.data.properties.user.$ref, '#/components/schemas/User');
});

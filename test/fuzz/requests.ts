import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { hostile, hostileString, pathSegment, percentEncode, queryPairs, valueFor, type IdPool, type Schema } from './values.js';

/** One operation of the OpenAPI document. */
export interface Operation {
  method: string;
  path: string;
  pathParams: string[];
  query: { name: string; schema: Schema }[];
  body: { kind: 'json'; schema: Schema } | { kind: 'multipart' } | undefined;
  /** Pages for browsers (mailed links) answer their errors as HTML, not problem+json. */
  html: boolean;
}

export type Auth = 'a' | 'b' | 'none' | 'garbage';

/** A generated request, before the actor's token is filled in. */
export interface FuzzRequest {
  method: string;
  url: string;
  auth: Auth;
  headers: Record<string, string>;
  body?: string;
}

export function readOperations(): Operation[] {
  const doc = JSON.parse(readFileSync(new URL('../../docs/openapi.json', import.meta.url), 'utf8'));
  const resolve = (node: any): any => {
    if (!node?.$ref) return node;
    return resolve(
      node.$ref
        .replace(/^#\//, '')
        .split('/')
        .reduce((at: any, key: string) => at?.[key], doc),
    );
  };
  const deref = (node: any): any => {
    const n = resolve(node);
    if (Array.isArray(n)) return n.map(deref);
    if (!n || typeof n !== 'object') return n;
    return Object.fromEntries(Object.entries(n).map(([k, v]) => [k, deref(v)]));
  };
  const operations: Operation[] = [];
  for (const [path, methods] of Object.entries<any>(doc.paths)) {
    for (const [method, raw] of Object.entries<any>(methods)) {
      const op = deref(raw);
      const params: any[] = op.parameters ?? [];
      const content = op.requestBody?.content ?? {};
      operations.push({
        method: method.toUpperCase(),
        path,
        pathParams: params.filter((p) => p.in === 'path').map((p) => p.name),
        query: params.filter((p) => p.in === 'query').map((p) => ({ name: p.name, schema: p.schema })),
        body: content['application/json']
          ? { kind: 'json', schema: content['application/json'].schema }
          : content['multipart/form-data']
            ? { kind: 'multipart' }
            : undefined,
        html: Boolean(op.responses?.['200']?.content?.['text/html']),
      });
    }
  }
  return operations;
}

const auth: fc.Arbitrary<Auth> = fc.oneof(
  { weight: 6, arbitrary: fc.constant('a' as const) },
  { weight: 2, arbitrary: fc.constant('b' as const) },
  { weight: 1, arbitrary: fc.constant('none' as const) },
  { weight: 1, arbitrary: fc.constant('garbage' as const) },
);

const jsonContentType = fc.oneof(
  { weight: 8, arbitrary: fc.constant('application/json') },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      'application/json; charset=utf-8',
      'application/json; charset=utf-16',
      'text/plain',
      'application/x-www-form-urlencoded',
      'multipart/form-data',
      'application/xml',
      ';;',
      '',
    ),
  },
);

/** Raw bodies that are not the JSON of a value. */
const rawJsonBody = fc.constantFrom(
  '',
  '{',
  '{"a":',
  '[',
  'null',
  '""',
  '1e999999',
  '{"__proto__":{"x":1}}',
  '{"constructor":{"prototype":{"x":1}}}',
  '\u0000',
  '\ufeff{}',
  `${'['.repeat(20_000)}${']'.repeat(20_000)}`,
  `{"a":${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}}`,
);

function jsonBody(schema: Schema, pool: IdPool): fc.Arbitrary<{ body: string; contentType: string }> {
  const value = fc.oneof(
    { weight: 8, arbitrary: valueFor(schema, pool) },
    { weight: 1, arbitrary: fc.array(valueFor(schema, pool), { maxLength: 3 }) },
  );
  return fc
    .tuple(
      fc.oneof({ weight: 9, arbitrary: value.map((v) => JSON.stringify(v) ?? 'null') }, { weight: 1, arbitrary: rawJsonBody }),
      jsonContentType,
    )
    .map(([body, contentType]) => ({ body, contentType }));
}

/** Small multipart bodies, well-formed or not (upload hardening is tested with the files). */
const multipartBody: fc.Arbitrary<{ body: string; contentType: string }> = fc
  .record({
    boundary: fc.constantFrom('xyz', 'a'.repeat(70), '', '"q"', '\u00ff'),
    declared: fc.constantFrom('same', 'other', 'none'),
    field: fc.oneof(
      fc.constant('file'),
      hostileString.map((s) => s.slice(0, 100)),
    ),
    filename: fc.oneof(
      fc.constantFrom('a.txt', 'x.png', ''),
      hostileString.map((s) => s.slice(0, 200)),
    ),
    content: fc.string({ unit: 'binary', maxLength: 300 }),
    truncate: fc.boolean(),
  })
  .map((m) => {
    const headerBoundary = m.declared === 'same' ? m.boundary : m.declared === 'other' ? 'other' : '';
    let body =
      `--${m.boundary}\r\nContent-Disposition: form-data; name="${m.field}"; filename="${m.filename}"\r\n` +
      `Content-Type: application/octet-stream\r\n\r\n${m.content}\r\n--${m.boundary}--\r\n`;
    if (m.truncate) body = body.slice(0, Math.floor(body.length / 2));
    return { body, contentType: headerBoundary ? `multipart/form-data; boundary=${headerBoundary}` : 'multipart/form-data' };
  });

/** Half the requests keep to the schema (to reach the services with real ids), half do not. */
export function requestFor(op: Operation, pool: IdPool): fc.Arbitrary<FuzzRequest> {
  return fc.oneof(build(op, pool, true), build(op, pool, false));
}

/** Headers the server reads besides the body's type: ranges and validators on downloads, ids, origins. */
const hostileHeaders: fc.Arbitrary<Record<string, string>> = fc.dictionary(
  fc.constantFrom('range', 'if-none-match', 'if-range', 'x-request-id', 'origin', 'accept', 'accept-encoding'),
  fc.oneof(
    fc.constantFrom(
      'bytes=0-',
      'bytes=-0',
      'bytes=5-1',
      'bytes=99999999999999999999-',
      'bytes=0-0,-1',
      `bytes=${'0-1,'.repeat(2000)}`,
      'items=0-1',
      '*',
      'W/"x", "y"',
      `${'"a",'.repeat(2000)}`,
      'x'.repeat(6000),
      'null',
      '',
    ),
    fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)), maxLength: 40 }),
  ),
  { maxKeys: 2 },
);

const cleanAuth: fc.Arbitrary<Auth> = fc.oneof({ weight: 3, arbitrary: fc.constant('a' as const) }, fc.constant('b' as const));

function build(op: Operation, pool: IdPool, clean: boolean): fc.Arbitrary<FuzzRequest> {
  const segment = clean ? fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...pool.ids) }, fc.uuid()) : pathSegment(pool);
  const segments = fc.tuple(...op.pathParams.map(() => segment));
  const knownQuery = fc.tuple(
    ...op.query.map((q) =>
      fc.option(
        valueFor(q.schema, pool, q.name, 0, clean).map((v) => queryPairs(q.name, v)),
        { freq: 3 },
      ),
    ),
  );
  const extraQuery = clean
    ? fc.constant(null)
    : fc.option(
        fc.tuple(fc.constantFrom('extra', '__proto__', 'limit', 'cursor', 'a[b]'), hostile).map(([n, v]) => queryPairs(n, v)),
        { freq: 6 },
      );
  const body =
    op.body?.kind === 'json'
      ? clean
        ? valueFor(op.body.schema, pool, '', 0, true).map((v) => ({
            body: JSON.stringify(v) ?? 'null',
            contentType: 'application/json',
          }))
        : jsonBody(op.body.schema, pool)
      : op.body?.kind === 'multipart'
        ? multipartBody
        : fc.constant(undefined);
  const extraHeaders = clean ? fc.constant({}) : fc.oneof(fc.constant({}), hostileHeaders);
  return fc.record({ segments, knownQuery, extraQuery, body, auth: clean ? cleanAuth : auth, extraHeaders }).map((r) => {
    let i = 0;
    const path = op.path.replace(/\{[^{}]+\}/g, () => r.segments[i++] ?? '');
    const pairs = [...r.knownQuery.flatMap((q) => q ?? []), ...(r.extraQuery ?? [])];
    const query = pairs.map(([k, v]) => `${percentEncode(k)}=${percentEncode(v)}`).join('&');
    const headers: Record<string, string> = { ...r.extraHeaders };
    if (r.body?.contentType) headers['content-type'] = r.body.contentType;
    return {
      method: op.method,
      url: query ? `${path}?${query}` : path,
      auth: r.auth,
      headers,
      ...(r.body ? { body: r.body.body } : {}),
    };
  });
}

/** A failing request as a reader wants it: long strings shortened. */
export function describeRequest(request: FuzzRequest): string {
  const cut = (s: string) => (s.length > 300 ? `${s.slice(0, 300)}… (${s.length} chars)` : s);
  return JSON.stringify(
    { ...request, url: cut(request.url), body: request.body === undefined ? undefined : cut(request.body) },
    null,
    2,
  );
}

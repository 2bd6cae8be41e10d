import fc from 'fast-check';

/**
 * Generators of hostile values, and of values shaped by a JSON schema of the OpenAPI document
 * (mostly near-valid, so requests get past validation into the services, with hostile ones mixed in).
 */

export type Schema = Record<string, any>;

/** Ids that exist in the seeded world, so some requests hit real rows. */
export interface IdPool {
  ids: string[];
  emails: string[];
}

const base64url = (text: string) => Buffer.from(text).toString('base64url');

export const hostileString: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '\u0000',
    'a\u0000b',
    '\ud800',
    'x\udfff',
    '\ud83d',
    '',
    ' ',
    '\t\n',
    '%00',
    '%ED%A0%80',
    '../../etc/passwd',
    "'; select pg_sleep(10); --",
    '\u202e\u0301',
    '{"$gt":""}',
    '__proto__',
    'constructor',
    'null',
    '-1',
    '1e999',
    'NaN',
  ),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.constantFrom(5000, 70_000, 300_000).map((n) => 'x'.repeat(n)),
  fc.tuple(fc.string({ maxLength: 10 }), fc.constantFrom('\u0000', '\ud800', '\udc00')).map(([s, bad]) => `${s}${bad}${s}`),
);

export const hostileNumber: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(-1, 0, -0, 1.5, 1e308, -1e308, 2 ** 31, 2 ** 53 + 2, 2 ** 64, Number.MAX_SAFE_INTEGER),
  fc.constantFrom('NaN', 'Infinity', '-Infinity', '1e400', '0x10', ' 1', '', '-0', '1.0', '99999999999999999999999'),
  fc.double(),
  fc.integer(),
);

export const wrongType: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(null, true, false, [], {}, [[]], { a: {} }, [1, 2, 3], [null]),
  fc.jsonValue({ maxDepth: 2 }),
);

export const hostile: fc.Arbitrary<unknown> = fc.oneof(hostileString, hostileNumber, wrongType);

/** Cursors a client could forge: base64url of random JSON, of tuples with wrong field types, garbage. */
export function forgedCursor(pool: IdPool): fc.Arbitrary<string> {
  const time = fc.oneof(
    fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
    fc.constantFrom('2026-02-31T00:00:00.000Z', '2026-01-02 03:04:05.123456+00', '2026-01-02 03:04:05+99', '0000-01-01'),
    hostile,
  );
  const id = fc.oneof(fc.constantFrom(...pool.ids), fc.uuid(), hostile);
  return fc.oneof(
    fc.jsonValue({ maxDepth: 3 }).map((v) => base64url(JSON.stringify(v))),
    fc.tuple(time, id).map((t) => base64url(JSON.stringify(t))),
    fc.array(fc.oneof(time, id), { maxLength: 4 }).map((t) => base64url(JSON.stringify(t))),
    fc.string({ unit: 'binary', maxLength: 30 }).map(base64url),
    hostileString,
  );
}

/**
 * A value for `schema`: usually of its type and bounds, sometimes hostile or of the wrong type.
 * `clean` values keep to the schema (required fields, no unknown ones, sane strings) so that a
 * request gets past validation into the services with real ids.
 */
export function valueFor(schema: Schema | undefined, pool: IdPool, name = '', depth = 0, clean = false): fc.Arbitrary<unknown> {
  if (clean) return shaped(schema, pool, name, depth, true);
  return fc.oneof({ weight: 4, arbitrary: shaped(schema, pool, name, depth, false) }, { weight: 1, arbitrary: hostile });
}

const cleanString = (minLength: number, maxLength: number) =>
  fc.oneof(
    fc.stringMatching(/^[a-z0-9_.]{3,12}$/).filter((s) => s.length >= minLength && s.length <= maxLength),
    fc
      .string({ unit: 'grapheme', minLength, maxLength })
      .filter((s) => /\S/.test(s) && [...s].every((c) => c.codePointAt(0)! >= 0x20)),
  );

function shaped(schema: Schema | undefined, pool: IdPool, name: string, depth: number, clean: boolean): fc.Arbitrary<unknown> {
  if (!schema || depth > 4) return clean ? fc.constant(null) : hostile;
  const branches = schema.anyOf ?? schema.oneOf;
  if (Array.isArray(branches)) return fc.oneof(...branches.map((b: Schema) => shaped(b, pool, name, depth + 1, clean)));
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (Array.isArray(schema.enum)) return fc.constantFrom(...schema.enum);
  switch ([schema.type].flat()[0]) {
    case 'string':
      return stringFor(schema, pool, name, clean);
    case 'integer':
    case 'number': {
      const inRange = fc.integer({ min: schema.minimum ?? -10, max: Math.min(schema.maximum ?? 1000, 2 ** 31) });
      return clean ? inRange : fc.oneof(inRange, hostileNumber);
    }
    case 'boolean':
      return clean ? fc.boolean() : fc.oneof(fc.boolean(), fc.constantFrom('true', 'false', 'yes', 1, 0));
    case 'null':
      return fc.constant(null);
    case 'array': {
      const items = shaped(schema.items, pool, name, depth + 1, clean);
      const maxLength = Math.min(schema.maxItems ?? 5, 5);
      return clean && schema.uniqueItems
        ? fc.uniqueArray(items, { maxLength, selector: (v) => JSON.stringify(v) })
        : fc.array(items, { maxLength });
    }
    case 'object':
      return objectFor(schema, pool, depth, clean);
    default:
      return clean ? fc.constant(null) : hostile;
  }
}

function stringFor(schema: Schema, pool: IdPool, name: string, clean: boolean): fc.Arbitrary<unknown> {
  const ids = fc.constantFrom(...pool.ids);
  if (name === 'cursor') return forgedCursor(pool);
  if (schema.format === 'uuid')
    return clean ? fc.oneof({ weight: 4, arbitrary: ids }, fc.uuid()) : fc.oneof(ids, fc.uuid(), hostileString);
  const emails = fc.oneof(fc.constantFrom(...pool.emails), fc.emailAddress());
  if (schema.format === 'email') return clean ? emails : fc.oneof(emails, hostileString);
  if (schema.format === 'date-time') return fc.date({ noInvalidDate: true }).map((d) => d.toISOString());
  const minLength = schema.minLength ?? 0;
  const maxLength = Math.max(minLength, Math.min(schema.maxLength ?? 60, 60));
  if (clean) return cleanString(minLength, maxLength);
  return fc.oneof(fc.string({ minLength, maxLength }), cleanString(minLength, maxLength), hostileString);
}

function objectFor(schema: Schema, pool: IdPool, depth: number, clean: boolean): fc.Arbitrary<unknown> {
  const properties: Record<string, Schema> = schema.properties ?? {};
  const model: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [key, sub] of Object.entries(properties)) model[key] = valueFor(sub, pool, key, depth + 1, clean);
  const required: string[] = schema.required ?? [];
  if (clean) return fc.record(model, { requiredKeys: required });
  return fc
    .tuple(
      fc.oneof(fc.record(model, { requiredKeys: required }), fc.record(model, { requiredKeys: [] })),
      fc.option(fc.tuple(fc.constantFrom('extra', '__proto__', 'constructor', 'x'.repeat(300)), hostile), { freq: 5 }),
    )
    .map(([object, extra]) => (extra ? { ...object, [extra[0]]: extra[1] } : object));
}

/** Percent-encodes any string, unpaired surrogates included (as the WTF-8 bytes a sloppy client sends). */
export function percentEncode(value: string): string {
  let out = '';
  for (const char of value) {
    const unit = char.charCodeAt(0);
    if (char.length === 1 && unit >= 0xd800 && unit <= 0xdfff) {
      const bytes = [0xe0 | (unit >> 12), 0x80 | ((unit >> 6) & 0x3f), 0x80 | (unit & 0x3f)];
      out += bytes.map((b) => `%${b.toString(16).toUpperCase()}`).join('');
    } else {
      out += encodeURIComponent(char);
    }
  }
  return out;
}

/** A path segment: a real or random id, a hostile value encoded, or a raw malformed percent-encoding. */
export function pathSegment(pool: IdPool): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...pool.ids) },
    { weight: 1, arbitrary: fc.uuid() },
    { weight: 2, arbitrary: hostileString.map((s) => percentEncode(s.slice(0, 2000))) },
    {
      weight: 2,
      arbitrary: fc.constantFrom('%', '%zz', '%ED%A0%80', '%C0%AF', '%00', '%FF', '%E2%82', '%2e%2e', '%2F', 'a%20b', '%u0041'),
    },
  );
}

/** A query value as text: arrays repeat the parameter (`?a=1&a=2`). */
export function queryPairs(name: string, value: unknown): [string, string][] {
  if (Array.isArray(value)) return value.flatMap((v) => queryPairs(name, v));
  if (value === null || value === undefined) return [[name, '']];
  if (typeof value === 'string') return [[name, value]];
  return [[name, JSON.stringify(value) ?? '']];
}

import { Type, type Static, type TSchema, type TStringOptions } from '@fastify/type-provider-typebox';

// Building blocks shared by every module's schemas.

/**
 * Whether a client's string can be stored and echoed back unchanged: no U+0000 (PostgreSQL text
 * cannot hold it, so it would fail in the database) and no unpaired UTF-16 surrogate (JSON allows
 * `"\ud800"`, but UTF-8 cannot encode it: it would be stored as U+FFFD, silently changing the text,
 * a deduplication key or a password). Both are refused rather than repaired: they only come from
 * a client bug (e.g. an emoji cut in half) or from probing, and a 400 tells the client. A plain loop:
 * linear, no regular expression.
 */
export function isStorableText(value: string): boolean {
  for (let i = 0; i < value.length; i += 1) {
    const unit = value.charCodeAt(i);
    if (unit === 0) return false;
    if (unit >= 0xd800 && unit <= 0xdbff) {
      const next = value.charCodeAt(i + 1);
      if (!(next >= 0xdc00 && next <= 0xdfff)) return false;
      i += 1;
    } else if (unit >= 0xdc00 && unit <= 0xdfff) {
      return false;
    }
  }
  return true;
}

/** The string format every free-form input string carries, checked by Ajv (registered in app.ts). */
export const TEXT_FORMAT = 'text';
export const inputFormats = { [TEXT_FORMAT]: { type: 'string', validate: isStorableText } } as const;
export const TEXT_FORMAT_MESSAGE = 'must not contain U+0000 or unpaired UTF-16 surrogates';

/**
 * A string a client sends (body, query or path): every one that has no stricter format
 * (`uuid`, `email`, `date-time`) or enum is declared with this, so none reaches the database
 * unstorable. A test walks the OpenAPI document to keep it so.
 */
export function Text(options: TStringOptions = {}) {
  return Type.String({ ...options, format: TEXT_FORMAT });
}

export const IdSchema = Type.String({
  format: 'uuid',
  description: 'An opaque id',
  examples: ['0193a1b2-7c4d-7e8f-9a0b-1c2d3e4f5a6b'],
});
export const DateTimeSchema = Type.String({ format: 'date-time', description: 'ISO 8601, UTC' });

export function Nullable<T extends TSchema>(schema: T) {
  return Type.Union([schema, Type.Null()]);
}

export const ProblemSchema = Type.Object(
  {
    type: Type.String(),
    title: Type.String(),
    status: Type.Integer(),
    detail: Type.String(),
    code: Type.String({ description: 'Stable machine-readable code, e.g. `validation_failed`' }),
    errors: Type.Optional(Type.Array(Type.Object({ path: Type.String(), message: Type.String() }))),
  },
  { title: 'Problem', description: 'RFC 9457 problem details' },
);

export const CursorSchema = Text({ maxLength: 512, description: 'Opaque cursor from `nextCursor`' });

/** `?cursor=&limit=` for every list but message history. */
export const PageQuerySchema = Type.Object(
  {
    cursor: Type.Optional(CursorSchema),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 50 })),
  },
  { additionalProperties: false },
);
export type PageQuery = Static<typeof PageQuerySchema>;

export const NextCursorSchema = Nullable(Type.String({ description: 'Cursor of the next page; null at the end' }));

/** Error responses in OpenAPI: every listed status answers problem+json. */
export function problems(...statuses: number[]): Record<number, typeof ProblemSchema> {
  return Object.fromEntries(statuses.map((status) => [status, ProblemSchema]));
}

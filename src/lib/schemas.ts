import { Type, type Static, type TSchema } from '@fastify/type-provider-typebox';

// Building blocks shared by every module's schemas.

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

/** `?cursor=&limit=` for every list but message history. */
export const PageQuerySchema = Type.Object(
  {
    cursor: Type.Optional(Type.String({ maxLength: 512, description: 'Opaque cursor from `nextCursor`' })),
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

import { Type, type Static } from '@fastify/type-provider-typebox';
import { DateTimeSchema, IdSchema, Nullable } from '../../lib/schemas.js';

export const FileSchema = Type.Object(
  {
    id: IdSchema,
    name: Type.String(),
    mimeType: Type.String({ examples: ['image/png'] }),
    size: Type.Integer({ description: 'Bytes' }),
    url: Type.String({ description: 'Absolute, signed URL valid for one hour; also accepts a Bearer token' }),
    thumbnailUrl: Nullable(Type.String()),
    width: Nullable(Type.Integer()),
    height: Nullable(Type.Integer()),
    createdAt: DateTimeSchema,
  },
  { title: 'File' },
);
export type FileDto = Static<typeof FileSchema>;

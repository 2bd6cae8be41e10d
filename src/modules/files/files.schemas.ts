import { Type, type Static } from '@fastify/type-provider-typebox';
import { DateTimeSchema, IdSchema, Nullable, Text } from '../../lib/schemas.js';

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

export const FileParamsSchema = Type.Object({ fileId: IdSchema }, { additionalProperties: false });

export const SignedUrlQuerySchema = Type.Object(
  {
    expires: Type.Optional(
      Type.Integer({ minimum: 0, description: 'Expiry of a signed URL (unix seconds), as presented in `File.url`' }),
    ),
    sig: Type.Optional(Text({ maxLength: 128, description: 'Signature of a signed URL, as presented in `File.url`' })),
  },
  { additionalProperties: false },
);

/** The multipart body, for the OpenAPI document; the bytes are checked while they stream in. */
export const UploadBodySchema = Type.Object(
  { file: Type.Unsafe<unknown>({ type: 'string', format: 'binary', description: 'The file; its type is taken from its bytes' }) },
  { title: 'FileUpload', additionalProperties: false },
);

export const FileBytesSchema = Type.Unsafe<unknown>({
  type: 'string',
  format: 'binary',
  description: 'The bytes (a single range of them for 206)',
});

import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../lib/errors.js';
import { problems } from '../../lib/schemas.js';
import { contentDisposition, MAX_PART_HEADER_BYTES } from './file-names.js';
import type { FileVariant } from './file-urls.js';
import { FileBytesSchema, FileParamsSchema, FileSchema, SignedUrlQuerySchema, UploadBodySchema } from './files.schemas.js';
import type { FilesService, ServedFile } from './files.service.js';

interface FilesRoutesOptions {
  files: FilesService;
  maxUploadBytes: number;
}

/** Browsers and proxies may keep a private copy this long; the ETag revalidates it afterwards. */
const MAX_AGE_SECONDS = 3600;

/** The multipart parser throws plain errors (no code, no status) for a body it cannot read. */
function malformedMultipart(error: Error & { statusCode?: number }): never {
  if (error instanceof AppError || error.statusCode !== undefined) throw error;
  throw new AppError('bad_request', `The multipart body is malformed: ${error.message}`);
}

export async function filesRoutes(app: FastifyInstance, { files, maxUploadBytes }: FilesRoutesOptions): Promise<void> {
  // `headerSize` (busboy's bound on one part's headers, 80 KiB by default) is missing from the
  // plugin's types but passed through; longer headers are cut, and a name cut that way is refused.
  const limits = {
    fileSize: maxUploadBytes,
    files: 1,
    fields: 10,
    parts: 12,
    fieldSize: 4096,
    headerPairs: 16,
    headerSize: MAX_PART_HEADER_BYTES,
  };
  await app.register(multipart, { limits });

  app.post(
    '/files',
    {
      preHandler: app.requireAuth,
      // The multipart body is never buffered: the handler checks it while it streams in.
      validatorCompiler: () => () => true,
      schema: {
        tags: ['files'],
        summary: 'Upload a file (multipart field `file`)',
        security: [{ bearerAuth: [] }],
        consumes: ['multipart/form-data'],
        body: UploadBodySchema,
        response: { 201: FileSchema, ...problems(400, 401, 413, 415, 429, 507) },
      },
    },
    async (request, reply) => {
      const file = await files.upload(request.user.userId, {
        declaredLength: Number(request.headers['content-length']) || undefined,
        openFile: async () => {
          const part = await request.file().catch(malformedMultipart);
          return part && { fieldName: part.fieldname, fileName: part.filename, stream: part.file };
        },
      });
      return reply.status(201).send(file);
    },
  );

  for (const variant of ['original', 'thumbnail'] as const) {
    app.get(
      variant === 'original' ? '/files/:fileId' : '/files/:fileId/thumbnail',
      {
        preHandler: async (request) => authenticateReader(app, request),
        schema: {
          tags: ['files'],
          summary: variant === 'original' ? 'Download a file' : 'Download the thumbnail of an image (WebP, at most 320 px)',
          description: 'Accepts a Bearer token or the signature of a URL presented in a `File`.',
          security: [{ bearerAuth: [] }, {}],
          params: FileParamsSchema,
          querystring: SignedUrlQuerySchema,
          response: { 200: FileBytesSchema, 206: FileBytesSchema, 304: FileBytesSchema, ...problems(400, 401, 404, 416) },
        },
      },
      async (request, reply) => {
        const { fileId } = request.params as { fileId: string };
        return send(reply, await files.read(readInput(request, fileId, variant)));
      },
    );
  }
}

/** A Bearer token, when given, must be valid; without one the URL must carry a signature. */
async function authenticateReader(app: FastifyInstance, request: FastifyRequest): Promise<void> {
  if (request.headers.authorization) return app.requireAuth(request);
  const { sig } = request.query as { sig?: string };
  if (!sig) throw new AppError('unauthorized', 'A Bearer access token or a signed URL is required');
}

function readInput(request: FastifyRequest, fileId: string, variant: FileVariant) {
  const { expires, sig } = request.query as { expires?: number; sig?: string };
  const header = (name: string) => {
    const value = request.headers[name];
    return typeof value === 'string' ? value : undefined;
  };
  return {
    fileId,
    variant,
    viewerId: request.user?.userId ?? null,
    signature: sig && expires !== undefined ? { expires, sig } : null,
    range: header('range'),
    ifNoneMatch: header('if-none-match'),
    ifRange: header('if-range'),
  };
}

function send(reply: FastifyReply, served: ServedFile): FastifyReply {
  reply.headers({
    etag: served.etag,
    'cache-control': `private, max-age=${MAX_AGE_SECONDS}`,
    'x-content-type-options': 'nosniff',
    'content-security-policy': 'sandbox',
    'accept-ranges': 'bytes',
  });
  if (served.outcome === 'not_modified') return reply.status(304).send();
  if (served.outcome === 'unsatisfiable') {
    reply.header('content-range', `bytes */${served.size}`);
    throw new AppError('range_not_satisfiable', `The file has ${served.size} bytes`);
  }
  const type = served.mimeType.startsWith('text/') ? `${served.mimeType}; charset=utf-8` : served.mimeType;
  reply.type(type).header('content-disposition', contentDisposition(served.inline ? 'inline' : 'attachment', served.name));
  if (served.range) {
    const { start, end } = served.range;
    reply.status(206).header('content-range', `bytes ${start}-${end}/${served.size}`);
    reply.header('content-length', String(end - start + 1));
  } else {
    reply.header('content-length', String(served.size));
  }
  return reply.send(served.body);
}

import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { AppError, errorCatalog, type ErrorCode, type FieldError } from '../lib/errors.js';
import { TEXT_FORMAT, TEXT_FORMAT_MESSAGE } from '../lib/schemas.js';

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  errors?: FieldError[];
}

export function problemFor(error: AppError): Problem {
  return {
    type: `about:blank#${error.code}`,
    title: errorCatalog[error.code].title,
    status: error.status,
    detail: error.message,
    code: error.code,
    ...(error.errors ? { errors: error.errors } : {}),
  };
}

/** Maps Fastify's own error codes to ours, so framework failures speak the same language. */
const frameworkCodes: Record<string, ErrorCode> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported_media_type',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'bad_request',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'invalid_json',
  FST_ERR_CTP_INVALID_JSON_BODY: 'invalid_json',
  FST_ERR_CTP_BODY_TOO_LARGE: 'payload_too_large',
  FST_ERR_CTP_EMPTY_TYPE: 'unsupported_media_type',
  FST_ERR_CTP_INVALID_TYPE: 'unsupported_media_type',
  FST_ERR_VALIDATION: 'validation_failed',
  FST_REQ_FILE_TOO_LARGE: 'payload_too_large',
  FST_FILES_LIMIT: 'payload_too_large',
  FST_PARTS_LIMIT: 'payload_too_large',
  FST_INVALID_MULTIPART_CONTENT_TYPE: 'unsupported_media_type',
  FST_ERR_RATE_LIMIT: 'rate_limited',
};

interface AjvError {
  instancePath?: string;
  message?: string;
  params?: Record<string, unknown>;
  keyword?: string;
}

function validationErrors(error: FastifyError): FieldError[] {
  const context = (error as FastifyError & { validationContext?: string }).validationContext ?? 'body';
  const issues = (error.validation ?? []) as AjvError[];
  // A failed union (`null` or a string) lists every branch's complaint: the one that says what is
  // wrong with the value (a length, a format) beats "must be null" and "must match a schema in anyOf".
  const specific = (issue: AjvError) => (issue.keyword === 'type' || issue.keyword === 'anyOf' ? 1 : 0);
  return [...issues]
    .sort((x, y) => specific(x) - specific(y))
    .map((issue) => {
      let path = (issue.instancePath ?? '').replace(/^\//, '').replace(/\//g, '.');
      const extra = issue.params?.additionalProperty ?? issue.params?.missingProperty;
      if (typeof extra === 'string') path = path ? `${path}.${extra}` : extra;
      const where = path ? `${context}.${path}` : context;
      const message =
        issue.keyword === 'additionalProperties'
          ? 'is not an allowed field'
          : issue.keyword === 'format' && issue.params?.format === TEXT_FORMAT
            ? TEXT_FORMAT_MESSAGE
            : (issue.message ?? 'is invalid');
      return { path: where, message };
    });
}

export function toAppError(error: FastifyError | Error): AppError {
  if (error instanceof AppError) return error;
  const fe = error as FastifyError;
  if (fe.validation) {
    const errors = validationErrors(fe);
    const first = errors[0];
    return new AppError('validation_failed', first ? `${first.path} ${first.message}` : 'Invalid input', { errors });
  }
  const mapped = fe.code ? frameworkCodes[fe.code] : undefined;
  if (mapped) return new AppError(mapped, fe.message);
  if (error instanceof SyntaxError || fe.statusCode === 400) return new AppError('bad_request', fe.message);
  if (fe.statusCode === 413) return new AppError('payload_too_large');
  if (fe.statusCode === 415) return new AppError('unsupported_media_type');
  if (fe.statusCode === 429) return new AppError('rate_limited');
  return new AppError('internal_error', 'An unexpected error occurred');
}

export function sendProblem(reply: FastifyReply, error: AppError): FastifyReply {
  if (error.retryAfter !== undefined) {
    reply.header('retry-after', String(error.retryAfter));
    reply.header('ratelimit-remaining', '0');
    reply.header('ratelimit-reset', String(error.retryAfter));
    if (error.limit !== undefined) reply.header('ratelimit-limit', String(error.limit));
  }
  return reply.status(error.status).type('application/problem+json').send(problemFor(error));
}

async function errorsPlugin(app: FastifyInstance): Promise<void> {
  app.setErrorHandler((error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    const appError = toAppError(error);
    if (appError.status >= 500) request.log.error({ err: error }, 'request failed');
    else request.log.debug({ code: appError.code }, appError.message);
    return sendProblem(reply, appError);
  });
  app.setNotFoundHandler((request, reply) =>
    sendProblem(reply, new AppError('not_found', `No route for ${request.method} ${request.url.split('?')[0]}`)),
  );
}

export default fp(errorsPlugin, { name: 'errors' });

import type { Socket } from 'node:net';
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
  FST_ERR_BAD_URL: 'bad_request',
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

/** The longest path parameter Fastify's router keeps (its default `maxParamLength`). */
export const MAX_PARAM_LENGTH = 100;

/** A path parameter longer than the router keeps: the client's error, named as such. */
export function paramTooLong(): AppError {
  return new AppError('validation_failed', 'A path parameter is too long', {
    errors: [{ path: 'params', message: `must be at most ${MAX_PARAM_LENGTH} characters` }],
  });
}

/**
 * Fastify's `frameworkErrors`: failures found while routing, before any hook or error handler
 * runs. A path that is not valid percent-encoded UTF-8 (`/groups/%ED%A0%80`) and a path
 * parameter longer than the router keeps (100 characters; our ids are 36) are the client's.
 */
export function frameworkErrorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  const appError =
    error.code === 'FST_ERR_BAD_URL'
      ? new AppError('bad_request', 'The path is not valid percent-encoded UTF-8')
      : error.code === 'FST_ERR_MAX_PARAM_LENGTH'
        ? paramTooLong()
        : toAppError(error);
  if (appError.status >= 500) request.log.error({ err: error }, 'request failed');
  void sendProblem(reply, appError);
}

/**
 * Node's `clientError`: a request the HTTP parser refuses (a malformed header, a conflicting
 * Content-Length, headers over the size limit) never becomes a request; answer it as
 * problem+json on the raw socket and close it, as Node would.
 */
export function clientErrorHandler(error: Error & { code?: string }, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const appError =
    error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
      ? new AppError('request_timeout', 'The request did not arrive in time')
      : error.code === 'HPE_HEADER_OVERFLOW'
        ? new AppError('headers_too_large', 'The request line and headers are too large')
        : new AppError('bad_request', 'The request is not valid HTTP/1.1');
  const body = JSON.stringify(problemFor(appError));
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${appError.status} ${errorCatalog[appError.code].title}\r\n` +
        `Content-Type: application/problem+json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\n` +
        `Connection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(error);
}

/**
 * The path of the first number in `value` that is not finite, or undefined. Our schemas nest a few
 * levels deep and coercion happens only inside them, so deeper (unvalidated) data is not walked.
 */
function nonFinitePath(value: unknown, path: string, depth = 0): string | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? undefined : path;
  if (value === null || typeof value !== 'object' || depth >= 8) return undefined;
  for (const [key, item] of Object.entries(value)) {
    const found = nonFinitePath(item, `${path}.${key}`, depth + 1);
    if (found) return found;
  }
  return undefined;
}

/**
 * Ajv's type coercion turns the strings "Infinity" and "1e400" into Infinity for an `integer` and
 * then skips `minimum`/`maximum`, so `?limit=Infinity` would pass validation and fail in the
 * database. JSON itself has no such numbers, so any one left after validation came from coercion.
 */
async function rejectNonFiniteNumbers(request: FastifyRequest): Promise<void> {
  const parts: [string, unknown][] = [
    ['params', request.params],
    ['querystring', request.query],
    ['body', request.body],
  ];
  for (const [where, value] of parts) {
    const path = nonFinitePath(value, where);
    if (path)
      throw new AppError('validation_failed', `${path} must be a finite number`, {
        errors: [{ path, message: 'must be a finite number' }],
      });
  }
}

async function errorsPlugin(app: FastifyInstance): Promise<void> {
  app.addHook('preHandler', rejectNonFiniteNumbers);
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

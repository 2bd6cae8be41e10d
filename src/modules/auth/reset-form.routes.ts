import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { AppError } from '../../lib/errors.js';
import { resetFormPage, resetResultPage } from './auth.pages.js';
import { clientOf } from './auth.routes.js';
import { HtmlSchema } from './auth.schemas.js';
import type { PasswordService } from './password.service.js';

const FORM_BYTES = 8 * 1024;

const ResetFormSchema = Type.Object(
  {
    token: Type.String({ maxLength: 256 }),
    newPassword: Type.String({ maxLength: 1024 }),
  },
  { title: 'ResetPasswordForm' },
);

/**
 * `POST /reset-password`: the reset page's HTML form (urlencoded), answered with an HTML page.
 * API clients use `POST /password/reset` (JSON, 204); both spend the same token.
 */
export const resetFormRoutes: FastifyPluginAsyncTypebox<{ passwords: PasswordService }> = async (app, { passwords }) => {
  // Encapsulated: only this plugin's routes parse forms.
  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string', bodyLimit: FORM_BYTES },
    (_req, body, done) => {
      done(null, Object.fromEntries(new URLSearchParams(body as string)));
    },
  );
  app.addHook('onSend', async (_request, reply) => {
    reply.header('cache-control', 'no-store');
  });

  app.post(
    '/reset-password',
    {
      attachValidation: true,
      schema: {
        tags: ['auth'],
        security: [],
        summary: 'The reset page’s form submission (HTML)',
        description:
          'Takes `application/x-www-form-urlencoded` `token` and `newPassword` and answers an HTML page; apps use `POST /password/reset`.',
        consumes: ['application/x-www-form-urlencoded'],
        body: ResetFormSchema,
        response: { 200: HtmlSchema, 400: HtmlSchema, 429: HtmlSchema },
      },
    },
    async (request, reply) => {
      reply.type('text/html; charset=utf-8');
      const token = typeof request.body?.token === 'string' ? request.body.token : '';
      const newPassword = typeof request.body?.newPassword === 'string' ? request.body.newPassword : '';
      if (request.validationError || !token) return reply.status(400).send(resetResultPage('invalid'));
      if (newPassword.length < 8 || newPassword.length > 128) {
        return reply.status(400).send(resetFormPage(token, 'The password must have 8 to 128 characters.'));
      }
      try {
        await passwords.resetPassword(token, newPassword, clientOf(request));
      } catch (err) {
        if (err instanceof AppError && err.code === 'invalid_token') return reply.status(400).send(resetResultPage('invalid'));
        if (err instanceof AppError && err.code === 'rate_limited') {
          if (err.retryAfter) reply.header('retry-after', String(err.retryAfter));
          return reply.status(429).send(resetResultPage('rate_limited'));
        }
        throw err;
      }
      return reply.status(200).send(resetResultPage('changed'));
    },
  );
};

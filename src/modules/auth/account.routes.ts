import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { PageQuerySchema, problems } from '../../lib/schemas.js';
import {
  AcceptedSchema,
  ChangeEmailSchema,
  ChangePasswordSchema,
  DisableMfaSchema,
  EnableMfaSchema,
  RecoveryCodesSchema,
  SessionPageSchema,
  SessionParamsSchema,
  TotpSetupSchema,
} from './auth.schemas.js';
import type { MfaService } from './mfa.service.js';
import type { PasswordService } from './password.service.js';
import type { RegistrationService } from './registration.service.js';
import type { SessionsService } from './sessions.service.js';

export interface AccountRouteDeps {
  registration: RegistrationService;
  sessions: SessionsService;
  passwords: PasswordService;
  mfa: MfaService;
}

const tags = ['auth'];
const security = [{ bearerAuth: [] }];
const NoContent = Type.Null({ description: 'No content' });

/**
 * Signed-in account security: sessions, password and e-mail changes, TOTP. `PUT /profile/password`
 * and `PUT /profile/email` sit under `/profile` in the API but are served here, not by the users
 * module: they change credentials (hash, verification mail, revoking the other sessions), which are
 * auth's rules; `/profile` itself (the public profile) is the users module's.
 */
export const accountRoutes: FastifyPluginAsyncTypebox<AccountRouteDeps> = async (
  app,
  { registration, sessions, passwords, mfa },
) => {
  app.addHook('preHandler', app.requireAuth);
  // These endpoints change credentials: a revoked session is refused at once, not when its token expires.
  app.addHook('preHandler', async (request) => sessions.assertActiveSession(request.user.userId, request.user.sessionId));

  app.post(
    '/logout/all',
    {
      schema: { tags, security, summary: 'Revoke every session of your account', response: { 204: NoContent, ...problems(401) } },
    },
    async (request, reply) => {
      await sessions.logoutAll(request.user.userId);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/sessions',
    {
      schema: {
        tags,
        security,
        summary: 'Your active sessions (devices)',
        querystring: PageQuerySchema,
        response: { 200: SessionPageSchema, ...problems(400, 401) },
      },
    },
    async (request) => sessions.listSessions(request.user.userId, request.user.sessionId, request.query),
  );

  app.delete(
    '/sessions/:sessionId',
    {
      schema: {
        tags,
        security,
        summary: 'Revoke one of your sessions',
        params: SessionParamsSchema,
        response: { 204: NoContent, ...problems(400, 401, 404) },
      },
    },
    async (request, reply) => {
      await sessions.revokeSession(request.user.userId, request.params.sessionId);
      return reply.status(204).send(null);
    },
  );

  app.put(
    '/profile/password',
    {
      schema: {
        tags,
        security,
        summary: 'Change your password',
        description: 'Your other sessions are revoked.',
        body: ChangePasswordSchema,
        response: { 204: NoContent, ...problems(400, 401, 429) },
      },
    },
    async (request, reply) => {
      const { currentPassword, newPassword } = request.body;
      await passwords.changePassword(request.user.userId, request.user.sessionId, currentPassword, newPassword);
      return reply.status(204).send(null);
    },
  );

  app.put(
    '/profile/email',
    {
      schema: {
        tags,
        security,
        summary: 'Change your e-mail address',
        description: 'A link is mailed to the new address; the change applies when it is followed.',
        body: ChangeEmailSchema,
        response: { 202: AcceptedSchema, ...problems(400, 401, 429) },
      },
    },
    async (request, reply) => {
      await registration.requestEmailChange(request.user.userId, request.body.password, request.body.newEmail);
      return reply.status(202).send({ status: 'verification_sent' });
    },
  );

  app.post(
    '/mfa/totp/setup',
    {
      config: { noStore: true },
      schema: {
        tags,
        security,
        summary: 'Start TOTP setup: a new secret for your authenticator app',
        response: { 200: TotpSetupSchema, ...problems(401, 409) },
      },
    },
    async (request) => mfa.setupTotp(request.user.userId),
  );

  app.post(
    '/mfa/totp/enable',
    {
      config: { noStore: true },
      schema: {
        tags,
        security,
        summary: 'Turn TOTP on (password and a first code); returns 10 recovery codes',
        description:
          'A wrong password answers `401 invalid_credentials`, a wrong code `401 invalid_mfa_code`. The account owner is told by mail.',
        body: EnableMfaSchema,
        response: { 200: RecoveryCodesSchema, ...problems(400, 401, 409, 429) },
      },
    },
    async (request) => mfa.enableTotp(request.user.userId, request.body.password, request.body.code),
  );

  app.post(
    '/mfa/totp/disable',
    {
      schema: {
        tags,
        security,
        summary: 'Turn TOTP off (password and a code)',
        description: 'The account owner is told by mail.',
        body: DisableMfaSchema,
        response: { 204: NoContent, ...problems(400, 401, 409, 429) },
      },
    },
    async (request, reply) => {
      await mfa.disableTotp(request.user.userId, request.body.password, request.body.code);
      return reply.status(204).send(null);
    },
  );
};

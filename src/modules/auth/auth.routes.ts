import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { problems } from '../../lib/schemas.js';
import type { ClientInfo } from './auth.deps.js';
import { resetFormPage, verifyPage } from './auth.pages.js';
import {
  AcceptedSchema,
  EmailBodySchema,
  HtmlSchema,
  LoginSchema,
  MfaChallengeSchema,
  MfaLoginSchema,
  RefreshSchema,
  ResetPasswordSchema,
  SignupSchema,
  TokenBodySchema,
  TokenQuerySchema,
  TokensSchema,
  UserEnvelopeSchema,
} from './auth.schemas.js';
import type { PasswordService } from './password.service.js';
import type { RegistrationService } from './registration.service.js';
import type { SessionsService } from './sessions.service.js';

export interface AuthRouteDeps {
  registration: RegistrationService;
  sessions: SessionsService;
  passwords: PasswordService;
}

const tags = ['auth'];
const security: [] = [];
const NoContent = Type.Null({ description: 'No content' });

export const clientOf = (request: FastifyRequest): ClientInfo => ({
  ip: request.ip,
  userAgent: request.headers['user-agent'] ?? null,
});

/** The endpoints that need no access token: sign-up, verification, login, refresh, logout, reset. */
export const authRoutes: FastifyPluginAsyncTypebox<AuthRouteDeps> = async (app, { registration, sessions, passwords }) => {
  app.post(
    '/signup',
    {
      schema: {
        tags,
        security,
        summary: 'Create an account',
        description: 'Answers 202 whether the e-mail is new or already registered; a new address gets a verification link.',
        body: SignupSchema,
        response: { 202: AcceptedSchema, ...problems(400, 409, 429) },
      },
    },
    async (request, reply) => reply.status(202).send(await registration.signup(request.body, clientOf(request))),
  );

  app.get(
    '/verify-email',
    {
      config: { noStore: true },
      schema: {
        tags,
        security,
        summary: 'The page the verification link opens',
        description: 'Idempotent: a spent link of a verified account says "already verified".',
        querystring: TokenQuerySchema,
        response: { 200: HtmlSchema, 400: HtmlSchema },
      },
    },
    async (request, reply) => {
      const outcome = await registration.verifyEmailPage(request.query.token);
      return reply
        .status(outcome === 'invalid' ? 400 : 200)
        .type('text/html; charset=utf-8')
        .send(verifyPage(outcome));
    },
  );

  app.post(
    '/verify-email',
    {
      config: { noStore: true },
      schema: {
        tags,
        security,
        summary: 'Confirm an e-mail address with the mailed token',
        body: TokenBodySchema,
        response: { 200: UserEnvelopeSchema, ...problems(400) },
      },
    },
    async (request) => registration.verifyEmail(request.body.token),
  );

  app.post(
    '/verify-email/resend',
    {
      schema: {
        tags,
        security,
        summary: 'Mail a new verification link',
        body: EmailBodySchema,
        response: { 202: AcceptedSchema, ...problems(400, 429) },
      },
    },
    async (request, reply) => {
      await registration.resendVerification(request.body.email, clientOf(request));
      return reply.status(202).send({ status: 'verification_sent' });
    },
  );

  app.post(
    '/login',
    {
      config: { noStore: true },
      schema: {
        tags,
        security,
        summary: 'Log in with e-mail and password',
        description: 'Returns tokens, or `{ mfaRequired, mfaToken }` when two-factor authentication is on.',
        body: LoginSchema,
        response: { 200: Type.Union([TokensSchema, MfaChallengeSchema]), ...problems(400, 401, 403, 429) },
      },
    },
    async (request) => sessions.login(request.body, clientOf(request)),
  );

  app.post(
    '/login/mfa',
    {
      config: { noStore: true },
      schema: {
        tags,
        security,
        summary: 'Second login step: a TOTP code or a recovery code',
        body: MfaLoginSchema,
        response: { 200: TokensSchema, ...problems(400, 401, 429) },
      },
    },
    async (request) => sessions.loginMfa(request.body, clientOf(request)),
  );

  app.post(
    '/token/refresh',
    {
      config: { noStore: true },
      schema: {
        tags,
        security,
        summary: 'Exchange a refresh token for new tokens',
        description: 'Refresh tokens rotate; presenting a spent one revokes its session (`session_revoked`).',
        body: RefreshSchema,
        response: { 200: TokensSchema, ...problems(400, 401) },
      },
    },
    async (request) => sessions.refresh(request.body.refreshToken),
  );

  app.post(
    '/logout',
    {
      schema: {
        tags,
        security,
        summary: 'End the session of a refresh token',
        body: RefreshSchema,
        response: { 204: NoContent, ...problems(400) },
      },
    },
    async (request, reply) => {
      await sessions.logout(request.body.refreshToken);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/password/forgot',
    {
      schema: {
        tags,
        security,
        summary: 'Mail a password reset link',
        body: EmailBodySchema,
        response: { 202: AcceptedSchema, ...problems(400, 429) },
      },
    },
    async (request, reply) => {
      await passwords.forgotPassword(request.body.email, clientOf(request));
      return reply.status(202).send({ status: 'reset_sent' });
    },
  );

  app.get(
    '/reset-password',
    {
      config: { noStore: true },
      schema: {
        tags,
        security,
        summary: 'The page the reset link opens: a form',
        querystring: TokenQuerySchema,
        response: { 200: HtmlSchema },
      },
    },
    async (request, reply) => reply.type('text/html; charset=utf-8').send(resetFormPage(request.query.token ?? '')),
  );

  app.post(
    '/password/reset',
    {
      schema: {
        tags,
        security,
        summary: 'Set a new password with the mailed token',
        description: 'Every session is revoked.',
        body: ResetPasswordSchema,
        response: { 204: NoContent, ...problems(400, 429) },
      },
    },
    async (request, reply) => {
      await passwords.resetPassword(request.body.token, request.body.newPassword, clientOf(request));
      return reply.status(204).send(null);
    },
  );
};

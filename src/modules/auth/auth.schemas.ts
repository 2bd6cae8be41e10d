import { Type, type Static } from '@fastify/type-provider-typebox';
import { DateTimeSchema, IdSchema, NextCursorSchema, Nullable, Text } from '../../lib/schemas.js';
import { PasswordSchema, UserSchema, UsernameSchema } from '../users/index.js';

const EmailSchema = Type.String({
  format: 'email',
  maxLength: 254,
  description: 'An e-mail address',
  examples: ['ada@example.com'],
});
const TokenSchema = Text({ minLength: 1, maxLength: 256, description: 'The token from the mailed link' });
const CodeSchema = Text({
  minLength: 6,
  maxLength: 64,
  description: 'A 6-digit TOTP code, or one of your recovery codes (single use)',
  examples: ['123456'],
});

export const SignupSchema = Type.Object(
  { username: UsernameSchema, email: EmailSchema, password: PasswordSchema },
  {
    additionalProperties: false,
    title: 'Signup',
    examples: [{ username: 'ada', email: 'ada@example.com', password: 'correct horse battery' }],
  },
);
export type Signup = Static<typeof SignupSchema>;

export const AcceptedSchema = Type.Object(
  { status: Type.String({ description: 'What happened, e.g. `verification_sent`', examples: ['verification_sent'] }) },
  { title: 'Accepted' },
);

export const TokenBodySchema = Type.Object({ token: TokenSchema }, { additionalProperties: false, title: 'TokenBody' });
export const TokenQuerySchema = Type.Object({ token: Type.Optional(Text({ maxLength: 256 })) });
export const EmailBodySchema = Type.Object({ email: EmailSchema }, { additionalProperties: false, title: 'EmailBody' });
export const UserEnvelopeSchema = Type.Object({ user: UserSchema }, { title: 'UserEnvelope' });

export const LoginSchema = Type.Object(
  { email: EmailSchema, password: Text({ minLength: 1, maxLength: 128 }) },
  { additionalProperties: false, title: 'Login', examples: [{ email: 'ada@example.com', password: 'correct horse battery' }] },
);
export type Login = Static<typeof LoginSchema>;

export const TokensSchema = Type.Object(
  {
    accessToken: Type.String({ description: 'A JWT for `Authorization: Bearer`; short-lived' }),
    refreshToken: Type.String({ description: 'Opaque, single use: each refresh returns a new one' }),
    tokenType: Type.Literal('Bearer'),
    expiresIn: Type.Integer({ description: 'Seconds until the access token expires' }),
    sessionId: IdSchema,
    user: UserSchema,
  },
  { title: 'Tokens' },
);
export type Tokens = Static<typeof TokensSchema>;

export const MfaChallengeSchema = Type.Object(
  {
    mfaRequired: Type.Literal(true),
    mfaToken: Type.String({ description: 'Send it with a code to `POST /login/mfa` within 5 minutes' }),
  },
  { title: 'MfaChallenge' },
);
export type MfaChallenge = Static<typeof MfaChallengeSchema>;

export const MfaLoginSchema = Type.Object(
  { mfaToken: Text({ minLength: 1, maxLength: 256 }), code: CodeSchema },
  { additionalProperties: false, title: 'MfaLogin', examples: [{ mfaToken: 'hG3…', code: '492039' }] },
);
export const RefreshSchema = Type.Object(
  { refreshToken: Text({ minLength: 1, maxLength: 256 }) },
  { additionalProperties: false, title: 'RefreshBody' },
);

export const SessionSchema = Type.Object(
  {
    id: IdSchema,
    createdAt: DateTimeSchema,
    lastUsedAt: DateTimeSchema,
    userAgent: Nullable(Type.String()),
    ip: Nullable(Type.String()),
    current: Type.Boolean({ description: 'The session of the access token making this request' }),
  },
  { title: 'Session' },
);
export type SessionDto = Static<typeof SessionSchema>;
export const SessionPageSchema = Type.Object(
  { sessions: Type.Array(SessionSchema), nextCursor: NextCursorSchema },
  { title: 'SessionPage' },
);
export type SessionPage = Static<typeof SessionPageSchema>;
export const SessionParamsSchema = Type.Object({ sessionId: IdSchema }, { additionalProperties: false });

export const ResetPasswordSchema = Type.Object(
  { token: TokenSchema, newPassword: PasswordSchema },
  { additionalProperties: false, title: 'ResetPassword' },
);
export const ChangePasswordSchema = Type.Object(
  { currentPassword: Text({ minLength: 1, maxLength: 128 }), newPassword: PasswordSchema },
  { additionalProperties: false, title: 'ChangePassword' },
);
export const ChangeEmailSchema = Type.Object(
  { password: Text({ minLength: 1, maxLength: 128 }), newEmail: EmailSchema },
  { additionalProperties: false, title: 'ChangeEmail' },
);

export const TotpSetupSchema = Type.Object(
  {
    secret: Type.String({ description: 'Base32 secret to type into an authenticator app' }),
    otpauthUrl: Type.String({ description: '`otpauth://totp/…` URI (SHA-1, 6 digits, 30 s), for a QR code' }),
  },
  { title: 'TotpSetup' },
);
export const EnableMfaSchema = Type.Object(
  { password: Text({ minLength: 1, maxLength: 128 }), code: CodeSchema },
  { additionalProperties: false, title: 'EnableMfa' },
);
export const RecoveryCodesSchema = Type.Object(
  { recoveryCodes: Type.Array(Type.String(), { description: '10 single-use codes; shown only once' }) },
  { title: 'RecoveryCodes' },
);
export const DisableMfaSchema = Type.Object(
  { password: Text({ minLength: 1, maxLength: 128 }), code: CodeSchema },
  { additionalProperties: false, title: 'DisableMfa' },
);

export const HtmlSchema = { content: { 'text/html': { schema: Type.String() } } };

/**
 * The least a production configuration needs (secrets, and mail written to the outbox on purpose),
 * for tests of what production mode changes.
 */
export const productionEnv: Readonly<Record<string, string>> = Object.freeze({
  NODE_ENV: 'production',
  JWT_SECRET: 'j'.repeat(40),
  ENCRYPTION_KEY: 'e'.repeat(40),
  MAIL_OUTBOX: 'true',
});

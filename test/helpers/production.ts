import { createECDH } from 'node:crypto';

const vapid = createECDH('prime256v1');
vapid.generateKeys();

/**
 * The least a production configuration needs (secrets, VAPID keys for push, and mail written to
 * the outbox on purpose), for tests of what production mode changes.
 */
export const productionEnv: Readonly<Record<string, string>> = Object.freeze({
  NODE_ENV: 'production',
  VAPID_PUBLIC_KEY: vapid.getPublicKey('base64url'),
  VAPID_PRIVATE_KEY: vapid.getPrivateKey('base64url'),
  VAPID_SUBJECT: 'mailto:ops@example.com',
  JWT_SECRET: 'j'.repeat(40),
  ENCRYPTION_KEY: 'e'.repeat(40),
  MAIL_OUTBOX: 'true',
});

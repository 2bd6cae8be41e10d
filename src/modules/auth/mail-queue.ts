import type { FastifyBaseLogger } from 'fastify';
import type { Mail, Mailer } from '../../lib/mailer.js';

/**
 * Mail leaves after the response: the answer of an unauthenticated endpoint must not take longer
 * when an account exists. Failures are logged, and closing the app waits for mail in flight.
 */
export function createMailQueue(mailer: Mailer, log: FastifyBaseLogger) {
  const pending = new Set<Promise<void>>();
  return {
    send(mail: Mail): void {
      const sending = mailer
        .send(mail)
        .catch((err: unknown) => log.error({ err, subject: mail.subject }, 'sending mail failed'))
        .finally(() => pending.delete(sending));
      pending.add(sending);
    },
    async drain(): Promise<void> {
      await Promise.all([...pending]);
    },
  };
}
export type MailQueue = ReturnType<typeof createMailQueue>;

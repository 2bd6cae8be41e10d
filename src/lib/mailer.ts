import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import nodemailer from 'nodemailer';
import { newId } from './ids.js';

export interface Mail {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** The link the mail is about, logged in outbox mode outside production so a developer can follow it. */
  link?: string;
}

export interface Mailer {
  send(mail: Mail): Promise<void>;
  close(): void;
  /** Outbox mode only: the latest mails written to the outbox by this process (development aid). */
  outbox?(to: string): OutboxEntry[];
}

export interface OutboxEntry {
  to: string;
  subject: string;
  link: string | null;
  text: string;
  file: string;
  sentAt: string;
}

/** How many outbox mails a process remembers for `GET /dev/outbox`. */
const OUTBOX_MEMORY = 500;

interface MailerOptions {
  smtpUrl: string | undefined;
  from: string;
  outboxDir: string;
  /** Log each outbox mail's link (it carries a live token): never in production. */
  logLinks: boolean;
  log: { info(obj: unknown, msg?: string): void };
}

/** SMTP when a URL is configured; otherwise every mail becomes an `.eml` file in the outbox. */
export function createMailer({ smtpUrl, from, outboxDir, logLinks, log }: MailerOptions): Mailer {
  if (smtpUrl) {
    const transport = nodemailer.createTransport(smtpUrl);
    return {
      async send(mail) {
        await transport.sendMail({ from, to: mail.to, subject: mail.subject, text: mail.text, html: mail.html });
      },
      close: () => transport.close(),
    };
  }
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  const recent: OutboxEntry[] = [];
  return {
    async send(mail) {
      const info = await transport.sendMail({ from, to: mail.to, subject: mail.subject, text: mail.text, html: mail.html });
      await mkdir(outboxDir, { recursive: true });
      const file = path.join(outboxDir, `${new Date().toISOString().replace(/[:.]/g, '-')}-${newId().slice(-12)}.eml`);
      await writeFile(file, info.message as Buffer);
      log.info({ to: mail.to, subject: mail.subject, file, ...(logLinks ? { link: mail.link } : {}) }, 'mail written to outbox');
      recent.push({
        to: mail.to,
        subject: mail.subject,
        link: mail.link ?? null,
        text: mail.text,
        file,
        sentAt: new Date().toISOString(),
      });
      if (recent.length > OUTBOX_MEMORY) recent.shift();
    },
    outbox: (to) => recent.filter((entry) => entry.to.toLowerCase() === to.toLowerCase()).reverse(),
    close: () => transport.close(),
  };
}

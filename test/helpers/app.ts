import { after, before } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/app.js';
import { loadConfig, type Config } from '../../src/config.js';
import type { Bus } from '../../src/events/bus/bus.js';
import type { Mail, Mailer } from '../../src/lib/mailer.js';
import { testDatabase } from './database.js';
import { createClient, type Client } from './http.js';

/** Mail sent by the app under test, newest last. */
export class MailBox implements Mailer {
  readonly sent: Mail[] = [];
  async send(mail: Mail): Promise<void> {
    this.sent.push(mail);
  }
  close(): void {}
  /** The last mail to `to`, or undefined. */
  lastTo(to: string): Mail | undefined {
    return this.sent.filter((m) => m.to.toLowerCase() === to.toLowerCase()).at(-1);
  }
}

export interface TestApp {
  app: FastifyInstance;
  config: Readonly<Config>;
  /** http://127.0.0.1:<port> */
  url: string;
  http: Client;
  mail: MailBox;
  close(): Promise<void>;
}

export interface TestAppOptions {
  env?: Record<string, string>;
  /** Use the real mailer from the config (SMTP or outbox) instead of the in-memory MailBox. */
  realMailer?: boolean;
  /** Rate limits are off in tests unless a test turns them on. */
  rateLimits?: boolean;
  /** A bus shared with other apps of the test (two nodes in one process); it is not closed with the app. */
  bus?: Bus;
}

/** Starts the real app on a loopback port, sharing the process's test database. */
export async function startTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    DATA_DIR: `${process.env.TMPDIR ?? '/tmp'}/chat-api-test-${process.pid}`,
    RATE_LIMITS: options.rateLimits ? 'true' : 'false',
    ...(process.env.DATABASE_URL ? { DATABASE_URL: process.env.DATABASE_URL } : {}),
    ...(process.env.REDIS_URL ? { REDIS_URL: process.env.REDIS_URL, REDIS_PREFIX: `test-${process.pid}` } : {}),
    ...options.env,
  });
  const mail = new MailBox();
  const app = await buildApp(config, {
    database: await testDatabase(),
    keepDatabase: true,
    ...(options.realMailer ? {} : { mailer: mail }),
    ...(options.bus ? { bus: { ...options.bus, close: async () => {} } } : {}),
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('no address');
  const url = `${config.tlsCertFile ? 'https' : 'http'}://127.0.0.1:${address.port}`;
  return { app, config, url, http: createClient(url), mail, close: () => app.close() };
}

/**
 * For the top level of a test file (or a describe block): starts an app before the tests and
 * closes it after. Read `.current` inside tests.
 */
export function useTestApp(options: TestAppOptions = {}): { current: TestApp } {
  const holder = {} as { current: TestApp };
  before(async () => {
    holder.current = await startTestApp(options);
  });
  after(async () => {
    await holder.current?.close();
  });
  return holder;
}

import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type Server } from 'node:http';

export interface ReceivedWebhook {
  id: string;
  timestamp: number;
  type: string;
  body: { type: string; timestamp: string; data: any };
  /** The status this attempt was answered with. */
  answered: number;
}

/** Standard Webhooks verification, written from the specification (independent of the server's code). */
export function verifyStandardWebhook(
  secret: string,
  headers: Record<string, string | string[] | undefined>,
  raw: string,
): boolean {
  const id = String(headers['webhook-id'] ?? '');
  const timestamp = String(headers['webhook-timestamp'] ?? '');
  const signatures = String(headers['webhook-signature'] ?? '').split(' ');
  if (!id || !/^\d+$/.test(timestamp) || Math.abs(Date.now() / 1000 - Number(timestamp)) > 300) return false;
  const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
  const expected = createHmac('sha256', key).update(`${id}.${timestamp}.${raw}`).digest();
  return signatures.some((entry) => {
    const [version, value] = entry.split(',');
    const given = Buffer.from(value ?? '', 'base64');
    return version === 'v1' && given.length === expected.length && timingSafeEqual(given, expected);
  });
}

/**
 * A webhook receiver on loopback: verifies every request's signature (an unsigned or badly signed
 * one fails the test through `bad`), answers with what `answer` says, and records every attempt.
 */
export class WebhookReceiver {
  readonly attempts: ReceivedWebhook[] = [];
  readonly bad: string[] = [];
  answer: (hook: Omit<ReceivedWebhook, 'answered'>) => { status: number; headers?: Record<string, string> } = () => ({
    status: 200,
  });
  private waiters = new Set<() => void>();
  private server: Server;

  private constructor(readonly secret: string) {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        if (!verifyStandardWebhook(secret, req.headers, raw)) {
          this.bad.push(raw);
          res.writeHead(401).end();
          return;
        }
        const body = JSON.parse(raw) as ReceivedWebhook['body'];
        const hook = {
          id: String(req.headers['webhook-id']),
          timestamp: Number(req.headers['webhook-timestamp']),
          type: body.type,
          body,
        };
        const { status, headers } = this.answer(hook);
        this.attempts.push({ ...hook, answered: status });
        res.writeHead(status, headers).end();
        for (const wake of this.waiters) wake();
      });
    });
  }

  static async start(secret: string, port = 0): Promise<WebhookReceiver> {
    const receiver = new WebhookReceiver(secret);
    await new Promise<void>((resolve) => receiver.server.listen(port, '127.0.0.1', resolve));
    return receiver;
  }

  get url(): string {
    const address = this.server.address();
    if (!address || typeof address === 'string') throw new Error('not listening');
    return `http://127.0.0.1:${address.port}/hooks`;
  }

  /** Webhooks answered 2xx (each id once). */
  delivered(): ReceivedWebhook[] {
    const seen = new Map<string, ReceivedWebhook>();
    for (const a of this.attempts) if (a.answered < 300 && !seen.has(a.id)) seen.set(a.id, a);
    return [...seen.values()];
  }

  /** Waits until `done` holds over the recorded attempts. */
  async until<T>(done: (attempts: ReceivedWebhook[]) => T | undefined | false, timeoutMs = 15_000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const result = done(this.attempts);
      if (result) return result;
      if (Date.now() > deadline)
        throw new Error(`timed out; attempts: ${JSON.stringify(this.attempts.map((a) => [a.type, a.answered]))}`);
      await new Promise<void>((resolve) => {
        const wake = () => {
          this.waiters.delete(wake);
          clearTimeout(timer);
          resolve();
        };
        const timer = setTimeout(wake, Math.max(1, deadline - Date.now()));
        this.waiters.add(wake);
      });
    }
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

export const TEST_WEBHOOK_SECRET = `whsec_${Buffer.from('a test secret of thirty-two bytes!').toString('base64')}`;

import { createServer, type Server, type ServerResponse } from 'node:http';

/**
 * How the gateway answers one request: a status and headers (made when it answers, if a
 * function), or `hang` (no answer at all).
 */
export type GatewayAnswer = { status: number; headers?: Record<string, string> | (() => Record<string, string>) } | 'hang';

export interface GatewayAttempt {
  pushkey: string;
  notification: any;
  /** The status answered, or `hang`. */
  answered: number | 'hang';
  /** The headers answered. */
  headers: Record<string, string>;
  /** When it arrived (ms). */
  at: number;
}

/**
 * A push gateway speaking the Matrix Push Gateway API (as Sygnal does): it rejects the pushkeys
 * it was told to, answers a pushkey's next requests as a test scripts them (then 200), and
 * records every attempt.
 */
export class TestGateway {
  readonly attempts: GatewayAttempt[] = [];
  readonly rejecting = new Set<string>();
  private readonly answers = new Map<string, GatewayAnswer[]>();
  private readonly hanging: ServerResponse[] = [];
  private server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      if (req.url !== '/_matrix/push/v1/notify' || req.method !== 'POST') return void res.writeHead(404).end();
      const { notification } = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      const pushkey = String(notification.devices?.[0]?.pushkey);
      const answer = this.answers.get(pushkey)?.shift() ?? { status: 200 };
      const at = Date.now();
      if (answer === 'hang') {
        this.attempts.push({ pushkey, notification, answered: 'hang', headers: {}, at });
        return void this.hanging.push(res);
      }
      const headers = typeof answer.headers === 'function' ? answer.headers() : (answer.headers ?? {});
      this.attempts.push({ pushkey, notification, answered: answer.status, headers, at });
      if (answer.status !== 200) return void res.writeHead(answer.status, headers).end();
      const rejected = (notification.devices as { pushkey: string }[]).map((d) => d.pushkey).filter((k) => this.rejecting.has(k));
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ rejected }));
    });
  });

  /** Notifications the gateway accepted (answered 200). */
  get notifications(): any[] {
    return this.attempts.filter((a) => a.answered === 200).map((a) => a.notification);
  }

  async start(): Promise<void> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
  }
  get url(): string {
    const address = this.server.address();
    if (!address || typeof address === 'string') throw new Error('not listening');
    return `http://127.0.0.1:${address.port}/_matrix/push/v1/notify`;
  }
  /** The next answers to a pushkey's requests (then 200). */
  answerWith(pushkey: string, ...answers: GatewayAnswer[]): void {
    this.answers.set(pushkey, answers);
  }
  attemptsFor(pushkey: string): GatewayAttempt[] {
    return this.attempts.filter((a) => a.pushkey === pushkey);
  }
  async until<T>(done: () => T | undefined | false, timeoutMs = 10_000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const result = done();
      if (result) return result;
      if (Date.now() > deadline)
        throw new Error(`timed out; got ${JSON.stringify(this.attempts.map((a) => [a.pushkey, a.answered]))}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }
  close(): Promise<void> {
    for (const res of this.hanging) res.destroy();
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

import { createServer, connect, type Socket } from 'node:net';
import WebSocket from 'ws';
import { ChatClient, type ChatClientOptions, type ClientEvents } from '../src/index.js';

/** Every request a client made, as `METHOD /path`. */
export class RecordingFetch {
  readonly requests: string[] = [];
  /** Runs before each request is passed on; throwing from it fails the request as a network error would. */
  before: ((request: Request) => void) | undefined;
  /** Runs after the server answered; throwing from it loses the answer (the server did the work). */
  after: ((request: Request, response: Response) => void) | undefined;

  readonly fetch = async (request: Request): Promise<Response> => {
    this.requests.push(`${request.method} ${new URL(request.url).pathname}`);
    this.before?.(request);
    const response = await fetch(request);
    this.after?.(request, response);
    return response;
  };

  count(line: string): number {
    return this.requests.filter((r) => r === line).length;
  }
}

/** A client for Node 20 (the `ws` WebSocket), recording its requests. */
export function makeClient(
  baseUrl: string,
  options: Partial<ChatClientOptions> = {},
): { client: ChatClient; http: RecordingFetch } {
  const http = new RecordingFetch();
  const client = new ChatClient({
    baseUrl,
    fetch: http.fetch,
    WebSocket: WebSocket,
    realtime: { backoff: { baseMs: 100, maxMs: 1000 } },
    outbox: { backoff: { baseMs: 100, maxMs: 1000 } },
    ...options,
  });
  return { client, http };
}

/** Records what a client emits of one type and waits for it. */
export function record<K extends keyof ClientEvents>(client: ChatClient, type: K) {
  const seen: ClientEvents[K][] = [];
  const waiters = new Set<() => void>();
  client.on(type, (...args) => {
    seen.push(args);
    for (const wake of waiters) wake();
  });
  return {
    seen,
    /** Waits until `done(seen)` holds. */
    async until(done: (seen: ClientEvents[K][]) => boolean, timeoutMs = 20_000): Promise<void> {
      const deadline = Date.now() + timeoutMs;
      while (!done(seen)) {
        const left = deadline - Date.now();
        if (left <= 0) throw new Error(`timed out waiting for ${String(type)} (got ${seen.length})`);
        await new Promise<void>((resolve) => {
          const wake = () => {
            waiters.delete(wake);
            clearTimeout(timer);
            resolve();
          };
          const timer = setTimeout(wake, left);
          waiters.add(wake);
        });
      }
    },
  };
}

/** A TCP proxy in front of the server whose connections can be cut, as a network drop does. */
export async function startProxy(targetUrl: string): Promise<{ url: string; cut(): void; close(): Promise<void> }> {
  const target = new URL(targetUrl);
  const sockets = new Set<Socket>();
  const track = (socket: Socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
  };
  const server = createServer((downstream) => {
    const upstream = connect(Number(target.port), target.hostname);
    track(downstream);
    track(upstream);
    downstream.pipe(upstream);
    upstream.pipe(downstream);
    downstream.once('close', () => upstream.destroy());
    upstream.once('close', () => downstream.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no address');
  return {
    url: `http://127.0.0.1:${address.port}`,
    cut: () => {
      for (const socket of sockets) socket.destroy();
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

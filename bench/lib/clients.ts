import http from 'node:http';
import WebSocket from 'ws';

const agent = new http.Agent({ keepAlive: true, maxSockets: 2048 });

/** A small keep-alive JSON client: the driver should cost less than the server it measures. */
export function request(
  base: string,
  method: string,
  path: string,
  token: string | undefined,
  body?: unknown,
): Promise<{ status: number; body: any }> {
  const payload = body === undefined ? undefined : JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = http.request(
      `${base}${path}`,
      {
        method,
        agent,
        headers: {
          ...(token ? { authorization: `Bearer ${token}` } : {}),
          ...(payload ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } : {}),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          resolve({ status: res.statusCode ?? 0, body: text ? (JSON.parse(text) as unknown) : null });
        });
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

export interface LiveSocket {
  socket: WebSocket;
  onEvent(handler: (frame: { seq?: number; type: string; data: any }) => void): void;
  close(): void;
}

/** Opens an authenticated WebSocket and resolves once `ready` arrives; acks events every 100 ms, as real clients do. */
export function connect(
  base: string,
  token: string,
  options: { localAddress?: string; ack?: boolean } = {},
): Promise<LiveSocket> {
  const url = `${base.replace(/^http/, 'ws')}/ws?token=${encodeURIComponent(token)}`;
  const socket = new WebSocket(url, {
    perMessageDeflate: false,
    ...(options.localAddress ? { localAddress: options.localAddress } : {}),
  });
  const handlers: ((frame: any) => void)[] = [];
  let lastSeq = 0;
  let acked = 0;
  const timer =
    options.ack === false
      ? undefined
      : setInterval(() => {
          if (lastSeq > acked && socket.readyState === WebSocket.OPEN) {
            acked = lastSeq;
            socket.send(JSON.stringify({ type: 'ack', seq: lastSeq }));
          }
        }, 100);
  return new Promise((resolve, reject) => {
    const deadline = setTimeout(() => socket.terminate(), 30_000);
    socket.on('error', reject);
    socket.on('close', (code: number) => {
      clearInterval(timer);
      clearTimeout(deadline);
      // A socket closed before `ready` (a time-out on a loaded machine) must not hang the run.
      reject(new Error(`closed with ${code} before ready`));
    });
    socket.on('message', (raw: Buffer) => {
      const frame = JSON.parse(raw.toString('utf8')) as { seq?: number; type: string; data: any };
      if (frame.type === 'ready') {
        clearTimeout(deadline);
        resolve({
          socket,
          onEvent: (h) => handlers.push(h),
          close: () => {
            clearInterval(timer);
            socket.terminate();
          },
        });
        return;
      }
      if (frame.seq) lastSeq = Math.max(lastSeq, frame.seq);
      for (const h of handlers) h(frame);
    });
  });
}

/** Opens many sockets, `concurrency` at a time. */
export async function connectAll(
  base: string,
  tokens: string[],
  concurrency = 200,
  options: (i: number) => { localAddress?: string; ack?: boolean } = () => ({}),
): Promise<LiveSocket[]> {
  const sockets: LiveSocket[] = new Array<LiveSocket>(tokens.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < tokens.length) {
        const i = next++;
        for (let attempt = 1; ; attempt++) {
          try {
            sockets[i] = await connect(base, tokens[i]!, options(i));
            break;
          } catch (error) {
            if (attempt === 3) throw error;
          }
        }
      }
    }),
  );
  return sockets;
}

// First chat: two users, from sign-up to a read receipt and a resumed connection.
// Run against a server in embedded mode (`npm start`):  node first-chat.mjs [http://localhost:3000]
// or in a browser page: <script type="module" src="first-chat.mjs"></script> (output in the console).
// Node 22+ and browsers have a global WebSocket; on Node 20, `npm install ws` next to this file.
const API = globalThis.process?.argv[2] ?? globalThis.process?.env.CHAT_URL ?? 'http://localhost:3000';
const WebSocket = globalThis.WebSocket ?? (await import('ws')).default;

async function call(method, path, { token, body } = {}) {
  const headers = {};
  if (token) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(API + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const data = res.status === 204 ? null : await res.json();
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${data.code}: ${data.detail}`);
  return data;
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Signs up, follows the verification link and logs in. */
async function newUser(name) {
  const username = `${name}_${Math.random().toString(36).slice(2, 8)}`;
  const email = `${username}@example.com`;
  const password = 'correct horse battery';
  await call('POST', '/signup', { body: { username, email, password } });
  // Development only: the server's outbox per address (in production the user clicks the mailed link).
  let mails = [];
  while (mails.length === 0) {
    await sleep(50);
    ({ mails } = await call('GET', `/dev/outbox?to=${encodeURIComponent(email)}`));
  }
  const token = new URL(mails[0].link).searchParams.get('token');
  await call('POST', '/verify-email', { body: { token } });
  const tokens = await call('POST', '/login', { body: { email, password } });
  return { username, id: tokens.user.id, token: tokens.accessToken, seq: 0 };
}

/**
 * Opens the user's WebSocket: the `auth` frame first (browsers cannot send headers), then
 * `ready`. Every durable event is acked and its `seq` remembered, so a reconnect can resume.
 */
function connect(user, since) {
  const url = `${API.replace(/^http/, 'ws')}/ws${since === undefined ? '' : `?since=${since}`}`;
  const socket = new WebSocket(url);
  const queue = [];
  const waiting = [];
  socket.addEventListener('open', () => socket.send(JSON.stringify({ type: 'auth', token: user.token })));
  socket.addEventListener('message', (event) => {
    const frame = JSON.parse(event.data);
    if (frame.seq !== undefined) {
      user.seq = frame.seq;
      socket.send(JSON.stringify({ type: 'ack', seq: frame.seq }));
    }
    const i = waiting.findIndex((w) => w.type === frame.type);
    if (i >= 0) waiting.splice(i, 1)[0].resolve(frame);
    else queue.push(frame);
  });
  /** The next frame of `type` (frames of other types are kept for later). */
  socket.next = (type) => {
    const i = queue.findIndex((frame) => frame.type === type);
    if (i >= 0) return Promise.resolve(queue.splice(i, 1)[0]);
    return new Promise((resolve) => waiting.push({ type, resolve }));
  };
  socket.closed = new Promise((resolve) => socket.addEventListener('close', resolve));
  return socket;
}

const ann = await newUser('ann');
const ben = await newUser('ben');
let annWs = connect(ann);
let benWs = connect(ben);
console.log('ann ready at seq', (await annWs.next('ready')).data.seq);
console.log('ben ready at seq', (await benWs.next('ready')).data.seq);

// Friends: Ann asks, Ben accepts.
const { request } = await call('POST', '/friends/add', { token: ann.token, body: { username: ben.username } });
await benWs.next('friend.request_received');
await call('POST', `/friends/requests/${request.id}/accept`, { token: ben.token });
await annWs.next('friend.request_accepted');
console.log('ann and ben are friends');

// Send → message.created to both; Ben's ack → message.delivered to Ann.
const sent = await call('POST', '/messages', {
  token: ann.token,
  body: { recipientId: ben.id, text: 'Hi Ben!', clientMessageId: crypto.randomUUID() },
});
const created = await benWs.next('message.created');
console.log('ben got:', created.data.text);
await annWs.next('message.created'); // Ann's own copy, on all her devices
const delivered = await annWs.next('message.delivered');
console.log('delivered to ben up to conversation seq', delivered.data.upToSeq);

// Ben reads → message.read to Ann.
await call('POST', `/messages/${sent.id}/read`, { token: ben.token });
const read = await annWs.next('message.read');
console.log('read by ben up to conversation seq', read.data.upToSeq);

// Ben goes offline; Ann writes; Ben resumes after the last seq he saw and gets the replay.
benWs.close();
await benWs.closed;
await call('POST', '/messages', { token: ann.token, body: { recipientId: ben.id, text: 'Still there?' } });
benWs = connect(ben, ben.seq);
await benWs.next('ready');
const replayed = await benWs.next('message.created');
console.log('ben resumed and got:', replayed.data.text);

annWs.close();
benWs.close();
await Promise.all([annWs.closed, benWs.closed]);
console.log('done');

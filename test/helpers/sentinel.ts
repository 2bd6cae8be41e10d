import type { TestApp } from './app.js';
import type { TestUser } from './factories.js';
import type { Frame, WsClient } from './ws.js';

let marks = 0;

/**
 * Proves that every durable event the server made for `user` so far has reached `ws`, and returns
 * those events (of `type`, if given) for asserting what did NOT arrive. A user's events reach each
 * of their sockets in seq order, so when a fresh event of theirs arrives (a profile change, which
 * only they and their friends hear of) every earlier one has arrived too: no fixed sleep, and a
 * slow delivery makes the test wait instead of pass.
 */
export async function eventsSoFar(t: TestApp, user: TestUser, ws: WsClient, type?: string): Promise<Frame[]> {
  marks += 1;
  const displayName = `sentinel ${marks}`;
  const res = await t.http.put('/profile', { displayName }, user.token);
  if (res.status !== 200) throw new Error(`the sentinel profile change failed: ${res.status}`);
  const sentinel = await ws.event('profile.updated', (data: { id?: string; displayName?: string }) => {
    return data.id === user.id && data.displayName === displayName;
  });
  const before = ws.frames.slice(0, ws.frames.indexOf(sentinel));
  return before.filter((f) => f.seq !== undefined && (type === undefined || f.type === type));
}

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { useTestApp } from '../helpers/app.js';
import { befriend, createUser } from '../helpers/factories.js';
import { WsClient } from '../helpers/ws.js';
import { PASSWORD, signedUp, tokenFromText } from './support.js';

const t = useTestApp();

test('a profile change reaches your sockets as User and your friends’ as PublicUser, live', async () => {
  const me = await createUser(t.current);
  const friend = await createUser(t.current);
  const stranger = await createUser(t.current);
  await befriend(t.current, me, friend);
  const [mine, theirs, other] = await Promise.all(
    [me, friend, stranger].map((u) => WsClient.connect(t.current.url, { token: u.token })),
  );
  try {
    assert.equal((await t.current.http.put('/profile', { displayName: 'Live' }, me.token)).status, 200);
    const self = await mine!.event('profile.updated');
    assert.equal(self.data.email, me.email);
    assert.equal(self.data.displayName, 'Live');
    const seen = await theirs!.event('profile.updated');
    assert.equal(seen.data.id, me.id);
    assert.equal(seen.data.email, undefined);
    assert.equal(seen.data.online, true, 'a friend sees presence');
    await t.current.http.get('/profile', stranger.token);
    assert.deepEqual(other!.events('profile.updated'), []);
  } finally {
    await Promise.all([mine, theirs, other].map((ws) => ws!.close()));
  }
});

test('logout closes that device’s socket with 4001; a password reset closes every one', async () => {
  const account = await signedUp(t.current);
  const phone = (await t.current.http.post('/login', { email: account.email, password: PASSWORD })).body;
  const laptopWs = await WsClient.connect(t.current.url, { token: account.tokens.accessToken });
  const phoneWs = await WsClient.connect(t.current.url, { token: phone.accessToken });
  assert.equal((await t.current.http.post('/logout', { refreshToken: phone.refreshToken })).status, 204);
  assert.equal(await phoneWs.waitClose(), 4001);
  const revoked = await laptopWs.event('session.revoked');
  assert.deepEqual(revoked.data, { sessionIds: [phone.sessionId] });
  assert.equal(laptopWs.closeCode, undefined, 'the other device stays connected');

  await t.current.http.post('/password/forgot', { email: account.email });
  const token = tokenFromText(t.current.mail.lastTo(account.email)!.text, 'reset-password');
  assert.equal((await t.current.http.post('/password/reset', { token, newPassword: 'a new passphrase' })).status, 204);
  assert.equal(await laptopWs.waitClose(), 4001);
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { useTestApp } from '../helpers/app.js';
import { befriend, createUser } from '../helpers/factories.js';
import { WsClient } from '../helpers/ws.js';
import { send } from './support.js';

const t = useTestApp();

async function chatting() {
  const alice = await createUser(t.current);
  const bob = await createUser(t.current);
  await befriend(t.current, alice, bob);
  const sent = await send(t.current, bob, { recipientId: alice.id, text: 'before the block' });
  assert.equal(sent.status, 201);
  return { alice, bob, message: sent.body as { id: string } };
}

test('a blocked user cannot edit old direct messages, and the blocker hears nothing of the attempt', async () => {
  const { alice, bob, message } = await chatting();
  const ws = await WsClient.connect(t.current.url, { token: alice.token });
  try {
    assert.equal((await t.current.http.post('/blocks', { userId: bob.id }, alice.token)).status, 204);
    await ws.event('block.created', (d) => d.userId === bob.id);

    const edit = await t.current.http.patch(`/messages/${message.id}`, { text: 'edited after the block' }, bob.token);
    assert.equal(edit.status, 403, edit.text);
    assert.equal(edit.body.code, 'not_friends');
    const history = await t.current.http.get(`/messages/${bob.id}`, alice.token);
    assert.equal(history.body.messages[0].text, 'before the block');
    assert.equal(history.body.messages[0].editedAt, null);

    // Deleting one's own message still works, and its event is the sentinel: frames arrive in
    // order, so a `message.updated` from the refused edit would have come first.
    assert.equal((await t.current.http.delete(`/messages/${message.id}`, bob.token)).status, 204);
    await ws.event('message.deleted', (d) => d.id === message.id);
    assert.deepEqual(ws.events('message.updated'), []);
  } finally {
    await ws.close();
  }
});

test('the blocker cannot edit their own messages to the person they blocked either', async () => {
  const { alice, bob } = await chatting();
  const mine = await send(t.current, alice, { recipientId: bob.id, text: 'mine' });
  assert.equal((await t.current.http.post('/blocks', { userId: bob.id }, alice.token)).status, 204);
  const edit = await t.current.http.patch(`/messages/${mine.body.id}`, { text: 'changed' }, alice.token);
  assert.equal(edit.status, 403);
  assert.equal(edit.body.code, 'not_friends');
});

test('after the friendship ends, edits are refused like sends; after unblocking and befriending again they work', async () => {
  const { alice, bob, message } = await chatting();
  assert.equal((await t.current.http.post('/friends/remove', { userId: alice.id }, bob.token)).status, 204);
  const edit = await t.current.http.patch(`/messages/${message.id}`, { text: 'x' }, bob.token);
  assert.equal(edit.status, 403);
  assert.equal(edit.body.code, 'not_friends');

  await befriend(t.current, alice, bob);
  const again = await t.current.http.patch(`/messages/${message.id}`, { text: 'friends again' }, bob.token);
  assert.equal(again.status, 200, again.text);
  assert.equal(again.body.text, 'friends again');
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { useTestApp } from '../helpers/app.js';
import { befriend, createUser } from '../helpers/factories.js';

const t = useTestApp();

test('what clients see of a deleted user (docs/messaging.md "Deleted users")', async () => {
  const ann = await createUser(t.current);
  const ben = await createUser(t.current);
  await befriend(t.current, ann, ben);
  const sent = await t.current.http.post('/messages', { recipientId: ann.id, text: 'bye' }, ben.token);
  assert.equal(sent.status, 201);

  const deleted = await t.current.http.request('DELETE', '/profile', { token: ben.token, body: { password: ben.password } });
  assert.equal(deleted.status, 204);

  assert.equal((await t.current.http.get(`/users/${ben.id}`, ann.token)).status, 404);
  const history = await t.current.http.get(`/conversations/${sent.body.conversationId}/messages`, ann.token);
  assert.equal(history.status, 200);
  assert.equal(history.body.messages.at(-1).senderId, ben.id, 'messages keep their senderId');

  const list = await t.current.http.get('/conversations', ann.token);
  const chat = list.body.conversations.find((c: any) => c.id === sent.body.conversationId);
  assert.equal(chat.peer.id, ben.id);
  assert.equal(chat.peer.displayName, 'Deleted user');
  assert.match(chat.peer.username, /^deleted_[0-9a-f]{32}$/);
  assert.equal(chat.peer.avatar, null);

  const again = await t.current.http.post('/messages', { recipientId: ben.id, text: 'hello?' }, ann.token);
  assert.equal(again.status, 404);
  assert.equal(again.body.code, 'not_found');
});

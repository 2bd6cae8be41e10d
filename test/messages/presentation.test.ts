import assert from 'node:assert/strict';
import { test } from 'node:test';
import { useTestApp } from '../helpers/app.js';
import { befriend, createUser } from '../helpers/factories.js';
import { createGroupRows, eventsOf, insertFile, send } from './support.js';

const t = useTestApp();

/** Signed file URLs carry their own expiry, so two presentations differ only there. */
function comparable(message: any): unknown {
  return {
    ...message,
    attachments: message.attachments.map(({ url: _url, thumbnailUrl: _thumb, ...file }: any) => file),
  };
}

test('a new direct message reads the same in the answer, in both live events and in history', async () => {
  const alice = await createUser(t.current);
  const bob = await createUser(t.current);
  await befriend(t.current, alice, bob);
  const first = await send(t.current, bob, { recipientId: alice.id, text: 'first' });
  const image = await insertFile(t.current, alice, 'photo.png', 'image/png');
  const pdf = await insertFile(t.current, alice, 'notes.pdf', 'application/pdf');
  const sent = await send(t.current, alice, {
    recipientId: bob.id,
    text: 'hi @' + bob.username,
    attachmentIds: [pdf, image],
    replyToId: first.body.id,
    clientMessageId: 'present-1',
  });
  assert.equal(sent.status, 201);
  assert.equal(sent.body.status, 'sent');
  assert.deepEqual(
    sent.body.attachments.map((a: any) => a.id),
    [pdf, image],
    'attachments keep the order they were given in',
  );
  assert.deepEqual(sent.body.replyTo, { id: first.body.id, senderId: bob.id, text: 'first' });
  assert.deepEqual(sent.body.mentions, [bob.id]);

  const [own] = (await eventsOf(t.current, alice, 'message.created')).filter((e) => e.data.id === sent.body.id);
  const [theirs] = (await eventsOf(t.current, bob, 'message.created')).filter((e) => e.data.id === sent.body.id);
  assert.deepEqual(comparable(own!.data), comparable(sent.body), "the sender's other devices get the answer");
  assert.equal(theirs!.data.status, null, 'status is the sender’s view only');

  const aliceHistory = await t.current.http.get(`/messages/${bob.id}`, alice.token);
  const bobHistory = await t.current.http.get(`/messages/${alice.id}`, bob.token);
  assert.deepEqual(comparable(aliceHistory.body.messages.at(-1)), comparable(sent.body));
  // Bob's history fetch marks it delivered; everything else matches his live copy.
  assert.deepEqual(comparable(bobHistory.body.messages.at(-1)), comparable(theirs!.data));
});

test('a new group message reads the same in the answer, the members’ events and history', async () => {
  const owner = await createUser(t.current);
  const member = await createUser(t.current);
  const { groupId } = await createGroupRows(t.current, owner, [{ user: member }]);
  const sent = await send(t.current, owner, { groupId, text: 'hello group' });
  assert.equal(sent.status, 201);
  assert.equal(sent.body.status, null);
  const [event] = (await eventsOf(t.current, member, 'message.created')).filter((e) => e.data.id === sent.body.id);
  assert.deepEqual(event!.data, sent.body);
  const history = await t.current.http.get(`/messages/group/${groupId}`, member.token);
  assert.deepEqual(history.body.messages.at(-1), sent.body);
});

import { durableEventTypes, type DurableEventType } from '@chat-api/client';
import { client } from './client.js';
import { loadAll, loadConversations, loadFriends, loadNotifications, openChat, reacted, received, updated } from './data.js';
import type { ChatKey } from './route.js';
import { changed, markReceipt, remember, state } from './store.js';

const TYPING_MS = 6000;

/** The durable event types whose name starts with `prefix` (the client's list follows the server's catalog). */
function eventsOf<P extends string>(prefix: P): Extract<DurableEventType, `${P}${string}`>[] {
  return durableEventTypes.filter((type): type is Extract<DurableEventType, `${P}${string}`> => type.startsWith(prefix));
}

/** Wires the client's real-time events into the store; call once after sign-in. */
export function listen(): void {
  client.on('message.created', received);
  client.on('message.updated', updated);
  client.on('message.deleted', updated);
  client.on('message.reaction', reacted);
  client.on('message.delivered', (r) => markReceipt(r.conversationId, r.upToSeq, 'delivered'));
  client.on('message.read', (r) => {
    if (r.userId !== state.me?.id) return markReceipt(r.conversationId, r.upToSeq, 'read');
    const conversation = state.conversations.find((c) => c.id === r.conversationId);
    if (conversation) conversation.unreadCount = 0;
    changed();
  });
  client.on('conversation.read', ({ conversationId }) => {
    const conversation = state.conversations.find((c) => c.id === conversationId);
    if (conversation) conversation.unreadCount = 0;
    changed();
  });
  for (const type of [...eventsOf('friend.'), ...eventsOf('block.')]) client.on(type, () => void loadFriends());
  for (const type of eventsOf('group.'))
    client.on(type, ({ group }) => {
      state.groups.set(group.id, group);
      void loadConversations();
    });
  for (const type of eventsOf('notification.')) client.on(type, () => void loadNotifications());
  client.on('profile.updated', (user) => {
    if (user.id === state.me?.id) state.me = { ...state.me, ...user };
    else remember([user]);
    changed();
  });
  client.on('presence.updated', ({ userId, online }) => {
    state.online.set(userId, online);
    changed();
  });
  client.on('typing', ({ userId, groupId }) => {
    const key: ChatKey = groupId ? `g:${groupId}` : `u:${userId}`;
    state.typing.set(key, { userId, until: Date.now() + TYPING_MS });
    changed();
    setTimeout(changed, TYPING_MS + 50);
  });
  client.on('outbox.changed', (pending) => {
    state.pending = pending;
    changed();
  });
  client.on('outbox.sent', (_local, message) => received(message));
  client.on('ready', () => {
    state.connected = true;
    changed();
  });
  client.on('disconnected', () => {
    state.connected = false;
    changed();
  });
  client.on('resync_required', () => void reload());
  // The browser knows the network is gone before a socket notices: close it, and open it again
  // (resuming from the last event) when the network is back.
  addEventListener('offline', () => {
    client.disconnect();
    state.connected = false;
    changed();
  });
  addEventListener('online', () => {
    if (state.phase === 'signed-in') void client.connect().catch(() => undefined);
  });
  addEventListener('visibilitychange', () => {
    if (state.openChat) void openChat(state.openChat);
  });
}

/** Reloads everything over REST (after a resync), keeping the open chat. */
async function reload(): Promise<void> {
  state.chats.clear();
  state.pins.clear();
  await loadAll();
  if (state.openChat) await openChat(state.openChat, true);
}

/** Signed in (restored or just logged in): loads the state, then goes live. */
export async function start(): Promise<void> {
  state.me = client.user;
  state.pending = client.outbox.pending;
  state.phase = 'signed-in';
  changed();
  await loadAll();
  await client.connect();
}

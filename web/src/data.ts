import { applyReaction, keepMyReactions, type Message, type ReactionEventData } from '@chat-api/client';
import { client, errorText } from './client.js';
import type { ChatKey } from './route.js';
import { changed, conversationOf, findMessage, keyOfMessage, putMessages, remember, state } from './store.js';

const PAGE = 30;

export async function loadConversations(): Promise<void> {
  const { conversations } = await client.get('/conversations', { params: { query: { limit: 100 } } });
  state.conversations = conversations;
  remember(conversations.map((c) => c.peer));
  for (const c of conversations) if (c.group) state.groups.set(c.group.id, c.group);
  changed();
}

export async function loadFriends(): Promise<void> {
  const [friends, requests, blocks] = await Promise.all([
    client.get('/friends', { params: { query: { limit: 100 } } }),
    client.get('/friends/requests'),
    client.get('/blocks'),
  ]);
  state.friends = friends.friends;
  state.incoming = requests.incoming;
  state.outgoing = requests.outgoing;
  state.blocked = blocks.blocks.map((b) => b.user);
  remember([...friends.friends.map((f) => f.user), ...requests.incoming.map((r) => r.from)]);
  for (const friend of friends.friends) state.online.set(friend.user.id, friend.user.online ?? false);
  changed();
}

export async function loadNotifications(): Promise<void> {
  const answer = await client.get('/notifications', { params: { query: { limit: 50 } } });
  state.notifications = answer.notifications;
  state.unreadNotifications = answer.unreadCount;
  remember(answer.notifications.map((n) => n.actor));
  changed();
}

export async function loadAll(): Promise<void> {
  await Promise.all([loadConversations(), loadFriends(), loadNotifications()]);
}

async function page(key: ChatKey, before?: string): Promise<{ messages: Message[]; hasMore: boolean }> {
  const query = { limit: PAGE, ...(before ? { before } : {}) };
  if (key.startsWith('g:'))
    return client.get('/messages/group/{groupId}', { params: { path: { groupId: key.slice(2) }, query } });
  return client.get('/messages/{id}', { params: { path: { id: key.slice(2) }, query } });
}

/** Opens a chat: its newest page the first time (or again after a resync). */
export async function openChat(key: ChatKey, reload = false): Promise<void> {
  state.openChat = key;
  const known = state.chats.get(key);
  if (known && !reload) return markRead(key);
  const chat = known ?? { messages: [], hasMore: false, loading: true };
  chat.loading = true;
  state.chats.set(key, chat);
  changed();
  try {
    const answer = await page(key);
    if (!known) chat.hasMore = answer.hasMore;
    putMessages(key, answer.messages);
  } finally {
    chat.loading = false;
    changed();
  }
  await markRead(key);
}

/** The page just older than the first message shown (scrolling up). */
export async function loadOlder(key: ChatKey): Promise<void> {
  const chat = state.chats.get(key);
  const first = chat?.messages[0];
  if (!chat || !first || !chat.hasMore || chat.loading) return;
  chat.loading = true;
  changed();
  try {
    const answer = await page(key, first.id);
    chat.hasMore = answer.hasMore;
    putMessages(key, answer.messages);
  } finally {
    chat.loading = false;
    changed();
  }
}

/** Marks the open chat read when someone else's message is unread and the page is seen. */
export async function markRead(key: ChatKey): Promise<void> {
  const conversation = conversationOf(key);
  if (!conversation || conversation.unreadCount === 0 || document.visibilityState !== 'visible') return;
  if (state.openChat !== key) return;
  conversation.unreadCount = 0;
  changed();
  await client.post('/conversations/{conversationId}/read', { params: { path: { conversationId: conversation.id } } });
}

/** A message arrived (live or our own): the chat, the list and its counters follow. */
export function received(message: Message): void {
  const key = keyOfMessage(message);
  putMessages(key, [message]);
  const conversation = state.conversations.find((c) => c.id === message.conversationId);
  if (!conversation) {
    // A new conversation: list it, then read it if it is the one on screen.
    void loadConversations().then(() => (state.openChat === key ? markRead(key) : undefined));
    return;
  }
  const newer = !conversation.lastMessage || conversation.lastMessage.seq <= message.seq;
  if (newer) {
    conversation.lastMessage = message;
    conversation.updatedAt = message.createdAt;
    state.conversations = [conversation, ...state.conversations.filter((c) => c !== conversation)];
  }
  if (message.senderId !== state.me?.id && newer && message.type !== 'system') conversation.unreadCount += 1;
  changed();
  if (state.openChat === key) void markRead(key);
}

/** An edit, a deletion, a pin or an unpin: the chat, the list and the pins follow. */
export function updated(incoming: Message): void {
  // An event's copy is the same for every member: keep my own reaction flags from the copy in hand.
  const message = keepMyReactions(incoming, findMessage(incoming.id));
  putMessages(keyOfMessage(message), [message]);
  const conversation = state.conversations.find((c) => c.lastMessage?.id === message.id);
  if (conversation) conversation.lastMessage = message;
  const pins = state.pins.get(message.conversationId);
  if (pins) {
    const others = pins.filter((m) => m.id !== message.id);
    const pinned = message.pinnedAt !== null && message.deletedAt === null;
    state.pins.set(
      message.conversationId,
      pinned ? [message, ...others].sort((a, b) => (b.pinnedAt ?? '').localeCompare(a.pinnedAt ?? '')) : others,
    );
  }
  changed();
}

/** `message.reaction`: the new count of that emoji on the message, wherever it is shown. */
export function reacted(event: ReactionEventData): void {
  const message = findMessage(event.messageId);
  if (!message) return;
  putMessages(keyOfMessage(message), [{ ...message, reactions: applyReaction(message.reactions, event, state.me?.id) }]);
}

/** Adds my reaction, or takes it back when I had reacted so (the event updates the count). */
export async function toggleReaction(message: Message, emoji: string): Promise<void> {
  const on = { params: { path: { messageId: message.id, emoji } } };
  if (message.reactions.some((r) => r.emoji === emoji && r.me))
    await client.delete('/messages/{messageId}/reactions/{emoji}', on);
  else await client.put('/messages/{messageId}/reactions/{emoji}', on);
}

export async function setPinned(message: Message, pinned: boolean): Promise<void> {
  const path = { params: { path: { messageId: message.id } } };
  if (pinned) updated(await client.put('/messages/{messageId}/pin', path));
  else await client.delete('/messages/{messageId}/pin', path);
}

/** The pinned messages of a conversation (at most 50 exist: one page). */
export async function loadPins(conversationId: string): Promise<void> {
  const { messages } = await client.get('/conversations/{conversationId}/pins', {
    params: { path: { conversationId }, query: { limit: 50 } },
  });
  state.pins.set(conversationId, messages);
  changed();
}

/** Loads the names of people not met yet (a group member who is no friend of mine). */
async function meet(userIds: (string | null)[]): Promise<void> {
  const unknown = [...new Set(userIds)].filter((id): id is string => !!id && id !== state.me?.id && !state.users.has(id));
  const users = await Promise.all(
    unknown.map((userId) => client.get('/users/{userId}', { params: { path: { userId } } }).catch(() => undefined)),
  );
  remember(users);
  changed();
}

let searches = 0;

/**
 * The search page: a new search for what the form holds, or (`more`) the next page of the one on
 * screen. A newer search wins over an older one still on its way.
 */
export async function search(more = false): Promise<void> {
  const s = state.search;
  if (more && (!s.nextCursor || s.loading)) return;
  const asked = more ? s.asked : { q: s.q.trim(), conversationId: s.conversationId };
  if (asked.q.length < 2) return;
  const mine = ++searches;
  s.loading = true;
  s.error = '';
  if (!more) s.asked = asked;
  changed();
  try {
    const answer = await client.get('/search/messages', {
      params: {
        query: {
          q: asked.q,
          limit: 20,
          ...(asked.conversationId ? { conversationId: asked.conversationId } : {}),
          ...(more && s.nextCursor ? { cursor: s.nextCursor } : {}),
        },
      },
    });
    if (mine !== searches) return;
    void meet(answer.results.map((r) => r.message.senderId));
    s.results = more ? [...s.results, ...answer.results] : answer.results;
    s.nextCursor = answer.nextCursor;
    s.done = true;
  } catch (error) {
    if (mine === searches) s.error = errorText(error);
  } finally {
    if (mine === searches) s.loading = false;
    changed();
  }
}

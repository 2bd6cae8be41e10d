import type {
  Conversation,
  FriendRequest,
  Group,
  Message,
  Notification,
  PendingMessage,
  PublicUser,
  SearchResult,
  User,
} from '@chat-api/client';
import { useEffect, useState } from 'preact/hooks';
import type { ChatKey } from './route.js';

export interface ChatState {
  messages: Message[];
  /** Older messages exist beyond the first one loaded. */
  hasMore: boolean;
  loading: boolean;
}

/** The search page: what was asked and what came back, kept while you visit a result. */
export interface SearchState {
  /** The form. */
  q: string;
  conversationId: string;
  /** The search whose results are shown (the form may have changed since). */
  asked: { q: string; conversationId: string };
  results: SearchResult[];
  nextCursor: string | null;
  loading: boolean;
  /** A search has answered (so "no results" can be said). */
  done: boolean;
  error: string;
}

export interface Friend {
  user: PublicUser;
  since: string;
}

/** Everything the screens show, kept current by the real-time events (see events.ts). */
export const state = {
  phase: 'loading' as 'loading' | 'signed-out' | 'signed-in',
  me: undefined as User | undefined,
  connected: false,
  conversations: [] as Conversation[],
  chats: new Map<ChatKey, ChatState>(),
  /** The chat on screen, read as messages arrive. */
  openChat: undefined as ChatKey | undefined,
  friends: [] as Friend[],
  incoming: [] as FriendRequest[],
  outgoing: [] as FriendRequest[],
  blocked: [] as PublicUser[],
  groups: new Map<string, Group>(),
  notifications: [] as Notification[],
  unreadNotifications: 0,
  /** Who types where, until when (ms). */
  typing: new Map<ChatKey, { userId: string; until: number }>(),
  online: new Map<string, boolean>(),
  pending: [] as readonly PendingMessage[],
  /** Everyone seen so far, for names. */
  users: new Map<string, PublicUser>(),
  /** The pinned messages of the conversations opened so far (by conversation id), most recently pinned first. */
  pins: new Map<string, Message[]>(),
  /** A message to bring on screen once its chat opens (a search result that was clicked). */
  reveal: undefined as string | undefined,
  search: {
    q: '',
    conversationId: '',
    asked: { q: '', conversationId: '' },
    results: [],
    nextCursor: null,
    loading: false,
    done: false,
    error: '',
  } as SearchState,
};

const listeners = new Set<() => void>();
let scheduled = false;
let version = 0;

/** Re-renders what uses the store (once per frame at most). */
export function changed(): void {
  if (scheduled) return;
  scheduled = true;
  version += 1;
  queueMicrotask(() => {
    scheduled = false;
    for (const listener of [...listeners]) listener();
  });
}

export function useStore(): typeof state {
  const [seen, setSeen] = useState(version);
  useEffect(() => {
    const listener = () => setSeen(version);
    listeners.add(listener);
    // A change between this render and now (effects run after paint) must not be missed.
    if (seen !== version) listener();
    return () => listeners.delete(listener);
  }, []);
  return state;
}

export function remember(users: (PublicUser | null | undefined)[]): void {
  for (const user of users) if (user) state.users.set(user.id, user);
}

export function nameOf(userId: string | null | undefined): string {
  if (!userId) return 'someone';
  if (userId === state.me?.id) return 'You';
  const user = state.users.get(userId);
  return user ? user.displayName || user.username : 'deleted user';
}

export function isOnline(user: PublicUser): boolean {
  return state.online.get(user.id) ?? (user as { online?: boolean }).online ?? false;
}

export function keyOfMessage(message: {
  groupId?: string | null;
  senderId: string | null;
  recipientId?: string | null;
}): ChatKey {
  if (message.groupId) return `g:${message.groupId}`;
  const other = message.senderId === state.me?.id ? message.recipientId : message.senderId;
  return `u:${other ?? ''}`;
}

export function keyOfConversation(conversation: Conversation): ChatKey {
  return conversation.group ? `g:${conversation.group.id}` : `u:${conversation.peer?.id ?? ''}`;
}

export function conversationOf(key: ChatKey): Conversation | undefined {
  return state.conversations.find((c) => keyOfConversation(c) === key);
}

export function titleOf(key: ChatKey): string {
  if (key.startsWith('g:')) return state.groups.get(key.slice(2))?.name ?? conversationOf(key)?.group?.name ?? 'Group';
  return nameOf(key.slice(2));
}

const rank = { sent: 0, delivered: 1, read: 2 } as const;

/** A message of a chat already loaded, by id. */
export function findMessage(messageId: string): Message | undefined {
  for (const chat of state.chats.values()) {
    const found = chat.messages.find((m) => m.id === messageId);
    if (found) return found;
  }
  return undefined;
}

/** Upserts messages into their chat (by id), in seq order. */
export function putMessages(key: ChatKey, messages: Message[]): void {
  const chat = state.chats.get(key);
  if (!chat) return;
  const byId = new Map(chat.messages.map((m) => [m.id, m]));
  for (const message of messages) {
    const known = byId.get(message.id);
    // A receipt event may have moved the tick further than the copy in hand.
    const status = known?.status && message.status && rank[known.status] > rank[message.status] ? known.status : message.status;
    byId.set(message.id, { ...message, status });
  }
  chat.messages = [...byId.values()].sort((a, b) => a.seq - b.seq);
  changed();
}

/** Moves the ticks of my messages up to a conversation seq. */
export function markReceipt(conversationId: string, upToSeq: number, status: 'delivered' | 'read'): void {
  for (const chat of state.chats.values()) {
    chat.messages = chat.messages.map((m) =>
      m.conversationId === conversationId && m.senderId === state.me?.id && m.seq <= upToSeq && m.status
        ? { ...m, status: rank[m.status] >= rank[status] ? m.status : status }
        : m,
    );
  }
  changed();
}

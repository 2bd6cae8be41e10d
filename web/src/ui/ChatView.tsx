import type { Message, PublicUser } from '@chat-api/client';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { client } from '../client.js';
import { loadOlder, openChat } from '../data.js';
import { go, type ChatKey } from '../route.js';
import { conversationOf, isOnline, nameOf, state, titleOf, useStore } from '../store.js';
import { Composer } from './Composer.js';
import { MessageItem, PendingItem } from './MessageItem.js';

/** The people who can be @mentioned here: the peer, or the group's members. */
function usePeople(chatKey: ChatKey): PublicUser[] {
  const [members, setMembers] = useState<PublicUser[]>([]);
  useEffect(() => {
    if (!chatKey.startsWith('g:')) return;
    void client
      .get('/groups/{groupId}/members', { params: { path: { groupId: chatKey.slice(2) }, query: { limit: 100 } } })
      .then(({ members: list }) => setMembers(list.map((m) => m.user).filter((u) => u.id !== state.me?.id)));
  }, [chatKey]);
  if (chatKey.startsWith('g:')) return members;
  const peer = state.users.get(chatKey.slice(2));
  return peer ? [peer] : [];
}

function TypingLine({ chatKey }: { chatKey: ChatKey }) {
  const typing = state.typing.get(chatKey);
  const on = typing && typing.until > Date.now() && typing.userId !== state.me?.id;
  return (
    <p class="typing" aria-live="polite">
      {on ? `${nameOf(typing.userId)} is typing…` : ''}
    </p>
  );
}

export function ChatView({ chatKey }: { chatKey: ChatKey }) {
  useStore();
  const list = useRef<HTMLOListElement>(null);
  const stick = useRef(true);
  const height = useRef(0);
  const [replyTo, setReplyTo] = useState<Message | undefined>();
  const people = usePeople(chatKey);
  useEffect(() => {
    void openChat(chatKey);
    return () => {
      if (state.openChat === chatKey) state.openChat = undefined;
    };
  }, [chatKey]);
  const chat = state.chats.get(chatKey);
  const isGroup = chatKey.startsWith('g:');
  const id = chatKey.slice(2);
  const group = isGroup ? state.groups.get(id) : undefined;
  const peer = isGroup ? undefined : state.users.get(id);
  const pending = state.pending.filter(
    (p) =>
      (isGroup ? p.groupId === id : p.recipientId === id) && !chat?.messages.some((m) => m.clientMessageId === p.clientMessageId),
  );
  const count = (chat?.messages.length ?? 0) + pending.length;

  // Keeps the view at the bottom for new messages, and in place when older ones are added above.
  useLayoutEffect(() => {
    const el = list.current;
    if (!el) return;
    if (stick.current) el.scrollTop = el.scrollHeight;
    else if (el.scrollHeight > height.current && el.scrollTop < 50) el.scrollTop += el.scrollHeight - height.current;
    height.current = el.scrollHeight;
  }, [count, chat?.messages[0]?.id]);

  const onScroll = () => {
    const el = list.current;
    if (!el) return;
    stick.current = el.scrollHeight - el.scrollTop - el.clientHeight < 40;
    if (el.scrollTop < 80) void loadOlder(chatKey);
  };
  const canModerate = group?.myRole === 'owner' || group?.myRole === 'admin';
  const title = titleOf(chatKey);
  return (
    <section class="chat" aria-label={`Chat with ${title}`}>
      <header class="chat-head">
        <button type="button" class="back" onClick={() => go('')} aria-label="Back to conversations">
          ←
        </button>
        <h1>
          {title}
          {peer && (
            <span class={`presence ${isOnline(peer) ? 'on' : 'off'}`} data-online={isOnline(peer)}>
              {isOnline(peer) ? 'online' : 'offline'}
            </span>
          )}
        </h1>
        {isGroup && <a href={`#/group/${id}`}>Group settings</a>}
      </header>
      <ol class="messages" ref={list} onScroll={onScroll} aria-label="Messages" tabIndex={0}>
        {chat?.hasMore && (
          <li class="system">
            <button type="button" onClick={() => void loadOlder(chatKey)}>
              {chat.loading ? 'Loading…' : 'Load older messages'}
            </button>
          </li>
        )}
        {chat?.messages.map((m) => (
          <MessageItem key={m.id} message={m} canModerate={canModerate} onReply={setReplyTo} />
        ))}
        {pending.map((p) => (
          <PendingItem key={p.clientMessageId} message={p} />
        ))}
      </ol>
      <TypingLine chatKey={chatKey} />
      {!isGroup && conversationOf(chatKey) === undefined && chat?.messages.length === 0 && !chat.loading && (
        <p class="hint">Say hello to {title}!</p>
      )}
      <Composer
        target={isGroup ? { groupId: id } : { recipientId: id }}
        people={people}
        replyTo={replyTo}
        onCancelReply={() => setReplyTo(undefined)}
      />
    </section>
  );
}

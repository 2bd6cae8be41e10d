import type { Message, PublicUser } from '@chat-api/client';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { client, errorText } from '../client.js';
import { loadOlder, loadPins, openChat, setPinned } from '../data.js';
import { go, type ChatKey } from '../route.js';
import { conversationOf, isOnline, nameOf, state, titleOf, useStore } from '../store.js';
import { Composer } from './Composer.js';
import { MessageItem, PendingItem, time } from './MessageItem.js';

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

/** Brings a message on screen (when its page is loaded) and focuses it. */
function show(messageId: string): boolean {
  const item = document.querySelector<HTMLElement>(`.messages li[data-id="${CSS.escape(messageId)}"]`);
  if (!item) return false;
  item.scrollIntoView({ block: 'center' });
  item.focus({ preventScroll: true });
  item.classList.remove('flash');
  void item.offsetWidth; // restarts the animation
  item.classList.add('flash');
  return true;
}

/** Shows a message, loading older pages until it is there (or the history ends). */
async function reveal(chatKey: ChatKey, messageId: string): Promise<boolean> {
  for (let pages = 0; pages < 50; pages++) {
    if (show(messageId)) return true;
    const chat = state.chats.get(chatKey);
    if (!chat?.hasMore) break;
    await loadOlder(chatKey);
    await new Promise((resolve) => requestAnimationFrame(resolve));
  }
  return show(messageId);
}

/** The conversation's pinned messages, most recently pinned first, live from `message.updated`. */
function PinsPanel(props: { chatKey: ChatKey; conversationId: string; canUnpin: boolean; onClose: () => void }) {
  const pins = state.pins.get(props.conversationId);
  const [error, setError] = useState('');
  return (
    <section class="pins" id="pins-panel" aria-label="Pinned messages">
      <header>
        <h2>Pinned messages</h2>
        <button type="button" class="close" aria-label="Close pinned messages" onClick={props.onClose}>
          ✕
        </button>
      </header>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      {!pins ? (
        <p class="hint">Loading…</p>
      ) : pins.length === 0 ? (
        <p class="hint">No pinned messages yet. Pin one from its actions.</p>
      ) : (
        <ol>
          {pins.map((m) => (
            <li key={m.id} data-id={m.id}>
              <span class="sender">{nameOf(m.senderId)}</span>
              <p class="text">{m.text ?? m.attachments.map((f) => f.name).join(', ')}</p>
              <span class="hint">
                {time(m.createdAt)} · pinned by {nameOf(m.pinnedBy)}
              </span>
              <span class="row">
                <button
                  type="button"
                  onClick={() =>
                    void reveal(props.chatKey, m.id).then((shown) =>
                      setError(shown ? '' : 'That message is no longer in the history.'),
                    )
                  }
                >
                  Show
                </button>
                {props.canUnpin && (
                  <button type="button" onClick={() => void setPinned(m, false).catch((e: unknown) => setError(errorText(e)))}>
                    Unpin
                  </button>
                )}
              </span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

export function ChatView({ chatKey }: { chatKey: ChatKey }) {
  useStore();
  const list = useRef<HTMLOListElement>(null);
  const stick = useRef(true);
  const height = useRef(0);
  const [replyTo, setReplyTo] = useState<Message | undefined>();
  const [showPins, setShowPins] = useState(false);
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
  const conversationId = conversationOf(chatKey)?.id ?? chat?.messages[0]?.conversationId;
  const pins = conversationId ? state.pins.get(conversationId) : undefined;
  const pinsKnown = pins !== undefined;
  // A search result opened this chat: bring that message on screen once the chat is loaded.
  const loaded = chat !== undefined && !chat.loading;
  useEffect(() => {
    const messageId = state.reveal;
    if (!loaded || !messageId) return;
    state.reveal = undefined;
    stick.current = false;
    void reveal(chatKey, messageId);
  }, [loaded, chatKey]);
  useEffect(() => {
    if (conversationId && !pinsKnown) void loadPins(conversationId).catch(() => undefined);
  }, [conversationId, pinsKnown]);
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
        {conversationId && (
          <button
            type="button"
            class="secondary"
            aria-expanded={showPins}
            aria-controls={showPins ? 'pins-panel' : undefined}
            onClick={() => setShowPins(!showPins)}
          >
            <span aria-hidden="true">📌</span> Pinned{pins && pins.length > 0 ? ` (${pins.length})` : ''}
          </button>
        )}
        {conversationId && (
          <a href={`#/search/${conversationId}`} aria-label={`Search in ${title}`}>
            Search
          </a>
        )}
        {isGroup && <a href={`#/group/${id}`}>Group settings</a>}
      </header>
      {showPins && conversationId && (
        <PinsPanel
          chatKey={chatKey}
          conversationId={conversationId}
          canUnpin={!isGroup || canModerate}
          onClose={() => setShowPins(false)}
        />
      )}
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

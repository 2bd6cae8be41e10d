import type { Conversation } from '@chat-api/client';
import { chatPath } from '../route.js';
import { isOnline, keyOfConversation, nameOf, state, useStore } from '../store.js';
import { systemText } from '../system-text.js';
import { Avatar } from './Avatar.js';

function preview(conversation: Conversation): string {
  const last = conversation.lastMessage;
  if (!last) return 'No messages yet';
  if (last.deletedAt) return 'Message deleted';
  if (last.type === 'system') return systemText(last);
  const who = `${nameOf(last.senderId)}: `;
  const body = last.text ?? (last.attachments.length > 0 ? `[${last.attachments[0]?.name ?? 'file'}]` : '');
  return who + body;
}

function ConversationItem({ conversation, active }: { conversation: Conversation; active: boolean }) {
  const key = keyOfConversation(conversation);
  const group = conversation.group ? (state.groups.get(conversation.group.id) ?? conversation.group) : undefined;
  const name = group?.name ?? (conversation.peer ? nameOf(conversation.peer.id) : 'Chat');
  const online = conversation.peer ? isOnline(conversation.peer) : undefined;
  const unread = conversation.unreadCount;
  return (
    <li>
      <a
        href={`#/${chatPath(key)}`}
        class={`conversation ${active ? 'active' : ''}`}
        aria-current={active ? 'page' : undefined}
        data-unread={unread}
      >
        <Avatar name={name} file={group?.avatar ?? conversation.peer?.avatar} online={online} />
        <span class="meta">
          <span class="name">
            {name}
            {online !== undefined && <span class="sr-only">{online ? ' (online)' : ' (offline)'}</span>}
          </span>
          <span class="preview">{preview(conversation)}</span>
        </span>
        {unread > 0 && (
          <span class="badge">
            {unread}
            <span class="sr-only"> unread</span>
          </span>
        )}
      </a>
    </li>
  );
}

export function Sidebar({ current }: { current: string[] }) {
  const state = useStore();
  const here = current.join('/');
  const link = (path: string, label: string, count = 0) => (
    <a href={`#/${path}`} aria-current={here === path ? 'page' : undefined}>
      {label}
      {count > 0 && (
        <span class="badge">
          {' '}
          {count}
          <span class="sr-only"> new</span>
        </span>
      )}
    </a>
  );
  return (
    <aside class="sidebar" aria-label="Conversations">
      <header class="me">
        <Avatar name={state.me?.username ?? '?'} file={state.me?.avatar} online={state.connected} />
        <span>
          <strong>{state.me?.displayName || state.me?.username}</strong>
          <span class="status" role="status">
            {state.connected ? 'Online' : 'Connecting…'}
          </span>
        </span>
      </header>
      <nav aria-label="Main">
        {link('', 'Chats')}
        {link('friends', 'Friends', state.incoming.length)}
        {link('groups/new', 'New group')}
        {link('search', 'Search')}
        {link('notifications', 'Notifications', state.unreadNotifications)}
        {link('settings', 'Settings')}
      </nav>
      <ul class="conversations" aria-label="Conversation list">
        {state.conversations.map((c) => (
          <ConversationItem key={c.id} conversation={c} active={here === chatPath(keyOfConversation(c))} />
        ))}
      </ul>
    </aside>
  );
}

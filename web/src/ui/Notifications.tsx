import type { Notification } from '@chat-api/client';
import { client } from '../client.js';
import { loadNotifications } from '../data.js';
import { nameOf, useStore } from '../store.js';
import { ErrorLine, useAction } from './forms.js';

function describe(n: Notification): { text: string; href: string } {
  const who = n.actor ? nameOf(n.actor.id) : 'Someone';
  const data = n.data as { groupId?: string; count?: number; group?: { id?: string; name?: string } };
  const groupId = data.groupId ?? data.group?.id;
  const chat = groupId ? `#/chat/g/${groupId}` : n.actor ? `#/chat/u/${n.actor.id}` : '#/';
  switch (n.type) {
    case 'friend_request':
      return { text: `${who} sent you a friend request`, href: '#/friends' };
    case 'friend_accepted':
      return { text: `${who} accepted your friend request`, href: n.actor ? `#/chat/u/${n.actor.id}` : '#/friends' };
    case 'mention':
      return { text: `${who} mentioned you`, href: chat };
    case 'group_added':
      return { text: `${who} added you to ${data.group?.name ?? 'a group'}`, href: chat };
    default:
      return { text: `${data.count ?? 1} new message(s) from ${who}`, href: chat };
  }
}

export function Notifications() {
  const state = useStore();
  const { error, run } = useAction();
  const markAll = () =>
    void run(async () => {
      await client.post('/notifications/read', { body: { all: true } });
      await loadNotifications();
    });
  return (
    <section class="page" aria-labelledby="notifications-title">
      <h1 id="notifications-title">Notifications</h1>
      <ErrorLine error={error} />
      {state.unreadNotifications > 0 && (
        <button type="button" onClick={markAll}>
          Mark all as read
        </button>
      )}
      <ul class="notifications">
        {state.notifications.length === 0 && <li>Nothing yet.</li>}
        {state.notifications.map((n) => {
          const { text, href } = describe(n);
          return (
            <li key={n.id} class={n.read ? 'read' : 'unread'}>
              <a href={href}>{text}</a>
              <time dateTime={n.updatedAt}>{new Date(n.updatedAt).toLocaleString()}</time>
              {!n.read && <span class="sr-only">(unread)</span>}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

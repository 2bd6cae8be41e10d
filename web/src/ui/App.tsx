import { useEffect } from 'preact/hooks';
import { go, useRoute, type ChatKey } from '../route.js';
import { useStore } from '../store.js';
import { AuthScreen } from './Auth.js';
import { ChatView } from './ChatView.js';
import { Friends } from './Friends.js';
import { GroupSettings, NewGroup } from './Groups.js';
import { Notifications } from './Notifications.js';
import { Search } from './Search.js';
import { Settings } from './Settings.js';
import { Sidebar } from './Sidebar.js';

function Main({ route }: { route: string[] }) {
  const [page, kind, id] = route;
  if (page === 'chat' && (kind === 'u' || kind === 'g') && id) {
    const key: ChatKey = `${kind}:${id}`;
    return <ChatView key={key} chatKey={key} />;
  }
  if (page === 'friends') return <Friends />;
  if (page === 'groups' && kind === 'new') return <NewGroup />;
  if (page === 'group' && kind) return <GroupSettings key={kind} groupId={kind} />;
  if (page === 'notifications') return <Notifications />;
  if (page === 'search') return <Search conversationId={kind} />;
  if (page === 'settings') return <Settings />;
  return (
    <section class="empty" aria-label="Welcome">
      <h1>Welcome</h1>
      <p>Pick a conversation, or find friends to start one.</p>
      <button type="button" onClick={() => go('friends')}>
        Find friends
      </button>
    </section>
  );
}

export function App() {
  const state = useStore();
  const route = useRoute();
  useEffect(() => {
    document.title = state.unreadNotifications > 0 ? `(${state.unreadNotifications}) Chat` : 'Chat';
  }, [state.unreadNotifications]);
  if (state.phase === 'loading') return <p class="splash">Loading…</p>;
  if (state.phase === 'signed-out') return <AuthScreen route={route} />;
  const home = route.length === 0;
  return (
    <div class={`layout ${home ? 'at-home' : 'at-page'}`}>
      <button type="button" class="skip" onClick={() => document.getElementById('main')?.focus()}>
        Skip to content
      </button>
      <Sidebar current={route} />
      <main id="main" tabIndex={-1}>
        {!state.connected && (
          <p class="banner" role="status">
            Offline — messages will be sent when the connection is back.
          </p>
        )}
        <Main route={route} />
      </main>
    </div>
  );
}

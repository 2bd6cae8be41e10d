import type { PublicUser } from '@chat-api/client';
import { useState } from 'preact/hooks';
import { client } from '../client.js';
import { loadFriends } from '../data.js';
import { go } from '../route.js';
import { isOnline, useStore } from '../store.js';
import { Avatar } from './Avatar.js';
import { ErrorLine, useAction } from './forms.js';

function Person({ user, children }: { user: PublicUser; children?: preact.ComponentChildren }) {
  const online = (user as { online?: boolean }).online === undefined ? undefined : isOnline(user);
  return (
    <li class="person" data-username={user.username}>
      <Avatar name={user.username} file={user.avatar} online={online} />
      <span class="meta">
        <span class="name">{user.displayName || user.username}</span>
        <span class="hint">
          @{user.username}
          {online !== undefined && (online ? ' · online' : ' · offline')}
        </span>
      </span>
      <span class="actions">{children}</span>
    </li>
  );
}

function Search({ run }: { run: ReturnType<typeof useAction>['run'] }) {
  const [query, setQuery] = useState('');
  const [found, setFound] = useState<PublicUser[] | undefined>();
  const [sent, setSent] = useState<string[]>([]);
  return (
    <section aria-label="Find people">
      <form
        class="inline"
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          void run(async () => setFound((await client.get('/users', { params: { query: { query } } })).users));
        }}
      >
        <label for="user-search">Search by username</label>
        <input id="user-search" value={query} onInput={(e) => setQuery(e.currentTarget.value)} minLength={1} required />
        <button type="submit">Search</button>
      </form>
      {found && (
        <ul class="people" aria-label="Search results">
          {found.length === 0 && <li>Nobody found.</li>}
          {found.map((user) => (
            <Person key={user.id} user={user}>
              <button
                type="button"
                disabled={sent.includes(user.id)}
                onClick={() =>
                  void run(async () => {
                    await client.post('/friends/add', { body: { userId: user.id } });
                    setSent([...sent, user.id]);
                    await loadFriends();
                  })
                }
              >
                {sent.includes(user.id) ? 'Requested' : `Add ${user.username}`}
              </button>
            </Person>
          ))}
        </ul>
      )}
    </section>
  );
}

export function Friends() {
  const state = useStore();
  const { error, run } = useAction();
  const act = (action: () => Promise<unknown>) =>
    void run(async () => {
      await action();
      await loadFriends();
    });
  return (
    <section class="page" aria-labelledby="friends-title">
      <h1 id="friends-title">Friends</h1>
      <ErrorLine error={error} />
      <Search run={run} />
      {state.incoming.length > 0 && (
        <>
          <h2>Requests for you</h2>
          <ul class="people" aria-label="Incoming requests">
            {state.incoming.map((r) => {
              const path = { params: { path: { requestId: r.id } } };
              return (
                <Person key={r.id} user={r.from}>
                  <button type="button" onClick={() => act(() => client.post('/friends/requests/{requestId}/accept', path))}>
                    Accept
                  </button>
                  <button type="button" onClick={() => act(() => client.post('/friends/requests/{requestId}/decline', path))}>
                    Decline
                  </button>
                </Person>
              );
            })}
          </ul>
        </>
      )}
      {state.outgoing.length > 0 && (
        <>
          <h2>Sent requests</h2>
          <ul class="people" aria-label="Outgoing requests">
            {state.outgoing.map((r) => (
              <Person key={r.id} user={r.to}>
                <button
                  type="button"
                  onClick={() =>
                    act(() => client.delete('/friends/requests/{requestId}', { params: { path: { requestId: r.id } } }))
                  }
                >
                  Cancel
                </button>
              </Person>
            ))}
          </ul>
        </>
      )}
      <h2>Your friends</h2>
      <ul class="people" aria-label="Friends">
        {state.friends.length === 0 && <li>No friends yet: search for someone above.</li>}
        {state.friends.map(({ user }) => (
          <Person key={user.id} user={user}>
            <button type="button" onClick={() => go(`chat/u/${user.id}`)}>
              Message
            </button>
            <button
              type="button"
              onClick={() =>
                confirm(`Remove ${user.username} from your friends?`) &&
                act(() => client.post('/friends/remove', { body: { userId: user.id } }))
              }
            >
              Remove
            </button>
            <button
              type="button"
              onClick={() =>
                confirm(`Block ${user.username}?`) && act(() => client.post('/blocks', { body: { userId: user.id } }))
              }
            >
              Block
            </button>
          </Person>
        ))}
      </ul>
      {state.blocked.length > 0 && (
        <>
          <h2>Blocked</h2>
          <ul class="people" aria-label="Blocked people">
            {state.blocked.map((user) => (
              <Person key={user.id} user={user}>
                <button
                  type="button"
                  onClick={() => act(() => client.delete('/blocks/{userId}', { params: { path: { userId: user.id } } }))}
                >
                  Unblock
                </button>
              </Person>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

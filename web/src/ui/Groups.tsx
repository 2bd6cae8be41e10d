import type { Group } from '@chat-api/client';
import { useEffect, useState } from 'preact/hooks';
import { client } from '../client.js';
import { loadConversations } from '../data.js';
import { go } from '../route.js';
import { changed, state, useStore } from '../store.js';
import { Avatar } from './Avatar.js';
import { ErrorLine, Field, Form, useAction } from './forms.js';

export function NewGroup() {
  const { friends } = useStore();
  const [name, setName] = useState('');
  const [chosen, setChosen] = useState<string[]>([]);
  const { busy, error, run } = useAction();
  return (
    <section class="page">
      <h1>New group</h1>
      <Form
        title="Create a group"
        submit="Create group"
        busy={busy}
        error={error}
        onSubmit={() =>
          void run(async () => {
            const group = await client.post('/groups', { body: { name, memberIds: chosen } });
            state.groups.set(group.id, group);
            await loadConversations();
            go(`chat/g/${group.id}`);
          })
        }
      >
        <Field label="Group name" name="group-name" value={name} onInput={setName} />
        <fieldset>
          <legend>Members (your friends)</legend>
          {friends.length === 0 && <p class="hint">Add friends first to invite them.</p>}
          {friends.map(({ user }) => (
            <label key={user.id} class="check">
              <input
                type="checkbox"
                checked={chosen.includes(user.id)}
                onChange={(e) =>
                  setChosen(e.currentTarget.checked ? [...chosen, user.id] : chosen.filter((id) => id !== user.id))
                }
              />
              {user.displayName || user.username}
            </label>
          ))}
        </fieldset>
      </Form>
    </section>
  );
}

type Member = Awaited<ReturnType<typeof loadMembers>>[number];

async function loadMembers(groupId: string) {
  return (await client.get('/groups/{groupId}/members', { params: { path: { groupId }, query: { limit: 100 } } })).members;
}

function Members({ group, run }: { group: Group; run: ReturnType<typeof useAction>['run'] }) {
  const [members, setMembers] = useState<Member[]>([]);
  const [adding, setAdding] = useState('');
  const refresh = () => void loadMembers(group.id).then(setMembers);
  useEffect(refresh, [group.id, group.updatedAt, group.memberCount]);
  const path = { params: { path: { groupId: group.id } } };
  const act = (action: () => Promise<unknown>) =>
    void run(async () => {
      await action();
      refresh();
    });
  const candidates = state.friends.filter((f) => !members.some((m) => m.user.id === f.user.id));
  const owner = group.myRole === 'owner';
  const admin = owner || group.myRole === 'admin';
  return (
    <section aria-label="Members">
      <h2>Members ({group.memberCount})</h2>
      <ul class="people">
        {members.map((m) => (
          <li key={m.user.id} class="person">
            <Avatar name={m.user.username} file={m.user.avatar} />
            <span class="meta">
              <span class="name">{m.user.displayName || m.user.username}</span>
              <span class="hint">{m.role}</span>
            </span>
            <span class="actions">
              {owner && m.user.id !== state.me?.id && (
                <select
                  aria-label={`Role of ${m.user.username}`}
                  value={m.role}
                  onChange={(e) => {
                    const role = e.currentTarget.value as Member['role'];
                    act(() =>
                      client.put('/groups/{groupId}/members/{userId}', {
                        params: { path: { groupId: group.id, userId: m.user.id } },
                        body: { role },
                      }),
                    );
                  }}
                >
                  <option value="member">member</option>
                  <option value="admin">admin</option>
                  <option value="owner">owner</option>
                </select>
              )}
              {admin && m.user.id !== state.me?.id && (owner || m.role === 'member') && (
                <button
                  type="button"
                  onClick={() => act(() => client.post('/groups/{groupId}/remove', { ...path, body: { userId: m.user.id } }))}
                >
                  Remove
                </button>
              )}
            </span>
          </li>
        ))}
      </ul>
      {admin && candidates.length > 0 && (
        <form
          class="inline"
          onSubmit={(e) => {
            e.preventDefault();
            if (adding) act(() => client.post('/groups/{groupId}/add', { ...path, body: { userId: adding } }));
          }}
        >
          <label for="add-member">Add a friend</label>
          <select id="add-member" value={adding} onChange={(e) => setAdding(e.currentTarget.value)}>
            <option value="">Choose…</option>
            {candidates.map((f) => (
              <option key={f.user.id} value={f.user.id}>
                {f.user.username}
              </option>
            ))}
          </select>
          <button type="submit">Add</button>
        </form>
      )}
    </section>
  );
}

export function GroupSettings({ groupId }: { groupId: string }) {
  useStore();
  const group = state.groups.get(groupId);
  const [name, setName] = useState<string | undefined>();
  const rename = useAction();
  const other = useAction();
  useEffect(() => {
    void client.get('/groups/{groupId}', { params: { path: { groupId } } }).then((g) => {
      state.groups.set(g.id, g);
      changed();
    });
  }, [groupId]);
  if (!group) return <p>Loading…</p>;
  const path = { params: { path: { groupId } } };
  const admin = group.myRole !== 'member';
  const save = (body: { name?: string; avatarFileId?: string }) =>
    client.put('/groups/{groupId}', { ...path, body }).then((g) => {
      state.groups.set(g.id, g);
      changed();
    });
  return (
    <section class="page" aria-label="Group settings">
      <h1>
        <Avatar name={group.name} file={group.avatar} /> {group.name}
      </h1>
      <a href={`#/chat/g/${groupId}`}>Back to the chat</a>
      {admin && (
        <Form
          title="Rename"
          submit="Save name"
          busy={rename.busy}
          error={rename.error}
          onSubmit={() => void rename.run(() => save({ name: name ?? group.name }))}
        >
          <Field label="Group name" name="rename" value={name ?? group.name} onInput={setName} />
        </Form>
      )}
      {admin && (
        <div class="field">
          <label for="group-picture">Group picture</label>
          <input
            id="group-picture"
            type="file"
            accept="image/*"
            onChange={(e) => {
              const file = e.currentTarget.files?.[0];
              if (file) void other.run(async () => save({ avatarFileId: (await client.upload(file)).id }));
            }}
          />
        </div>
      )}
      <ErrorLine error={other.error} />
      <Members group={group} run={other.run} />
      <button
        type="button"
        class="danger"
        onClick={() =>
          confirm('Leave this group?') &&
          void other.run(async () => {
            await client.post('/groups/{groupId}/leave', path);
            state.groups.delete(groupId);
            await loadConversations();
            go('');
          })
        }
      >
        Leave group
      </button>
    </section>
  );
}

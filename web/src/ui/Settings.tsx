import { useEffect, useState } from 'preact/hooks';
import { client } from '../client.js';
import { changed, state, useStore } from '../store.js';
import { ErrorLine, Field, Form, useAction } from './forms.js';

type SessionRow = Awaited<ReturnType<typeof listSessions>>[number];

async function listSessions() {
  return (await client.get('/sessions')).sessions;
}

function Sessions() {
  const [sessions, setSessions] = useState<SessionRow[]>([]);
  const { error, run } = useAction();
  const refresh = () => void run(async () => setSessions(await listSessions()));
  useEffect(refresh, []);
  return (
    <section aria-labelledby="sessions-title">
      <h2 id="sessions-title">Sessions and devices</h2>
      <ErrorLine error={error} />
      <ul class="people">
        {sessions.map((s) => (
          <li key={s.id} class="person">
            <span class="meta">
              <span class="name">
                {s.userAgent ?? 'Unknown device'} {s.current && <strong>(this device)</strong>}
              </span>
              <span class="hint">
                {s.ip} · last used {new Date(s.lastUsedAt).toLocaleString()}
              </span>
            </span>
            {!s.current && (
              <button
                type="button"
                onClick={() =>
                  void run(async () => {
                    await client.delete('/sessions/{sessionId}', { params: { path: { sessionId: s.id } } });
                    setSessions(await listSessions());
                  })
                }
              >
                Sign out this device
              </button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

function TwoFactor() {
  const { me } = useStore();
  const [setup, setSetup] = useState<{ secret: string; otpauthUrl: string } | undefined>();
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const [codes, setCodes] = useState<string[]>([]);
  const { busy, error, run } = useAction();
  const done = (enabled: boolean) => {
    if (state.me) state.me = { ...state.me, mfaEnabled: enabled };
    setSetup(undefined);
    setPassword('');
    setCode('');
    changed();
  };
  if (codes.length > 0)
    return (
      <section class="card" aria-label="Recovery codes">
        <h2>Two-factor is on</h2>
        <p>Keep these recovery codes somewhere safe; each works once:</p>
        <pre>{codes.join('\n')}</pre>
        <button type="button" onClick={() => setCodes([])}>
          I saved them
        </button>
      </section>
    );
  if (!me?.mfaEnabled && !setup)
    return (
      <section class="card" aria-label="Two-factor authentication">
        <h2>Two-factor authentication</h2>
        <p>Off. Turn it on to ask for a code from an authenticator app at sign-in.</p>
        <ErrorLine error={error} />
        <button type="button" onClick={() => void run(async () => setSetup(await client.post('/mfa/totp/setup')))}>
          Set up two-factor
        </button>
      </section>
    );
  const enabling = !me?.mfaEnabled;
  return (
    <Form
      title={enabling ? 'Turn on two-factor' : 'Turn off two-factor'}
      submit={enabling ? 'Turn on' : 'Turn off'}
      busy={busy}
      error={error}
      onSubmit={() =>
        void run(async () => {
          if (enabling) {
            setCodes((await client.post('/mfa/totp/enable', { body: { password, code } })).recoveryCodes);
            done(true);
          } else {
            await client.post('/mfa/totp/disable', { body: { password, code } });
            done(false);
          }
        })
      }
    >
      {setup && (
        <p>
          Add this key to your authenticator app: <code class="secret">{setup.secret}</code> (or open{' '}
          <a href={setup.otpauthUrl}>the otpauth link</a>).
        </p>
      )}
      <Field
        label="Password"
        name="mfa-password"
        type="password"
        value={password}
        onInput={setPassword}
        autoComplete="current-password"
      />
      <Field
        label="Code from the app"
        name="mfa-code"
        value={code}
        onInput={setCode}
        inputMode="numeric"
        autoComplete="one-time-code"
      />
    </Form>
  );
}

function Password() {
  const [currentPassword, setCurrent] = useState('');
  const [newPassword, setNew] = useState('');
  const [saved, setSaved] = useState(false);
  const { busy, error, run } = useAction();
  return (
    <Form
      title="Change password"
      submit="Change password"
      busy={busy}
      error={error}
      onSubmit={() =>
        void run(async () => {
          await client.put('/profile/password', { body: { currentPassword, newPassword } });
          setSaved(true);
          setCurrent('');
          setNew('');
        })
      }
    >
      <Field
        label="Current password"
        name="current-password"
        type="password"
        value={currentPassword}
        onInput={setCurrent}
        autoComplete="current-password"
      />
      <Field
        label="New password"
        name="new-password"
        type="password"
        value={newPassword}
        onInput={setNew}
        autoComplete="new-password"
        minLength={8}
      />
      {saved && <p role="status">Password changed; your other devices were signed out.</p>}
    </Form>
  );
}

export function Settings() {
  const { me } = useStore();
  return (
    <section class="page" aria-labelledby="settings-title">
      <h1 id="settings-title">Settings</h1>
      <p>
        Signed in as <strong>{me?.username}</strong> ({me?.email})
      </p>
      <button
        type="button"
        onClick={() =>
          void client.logout().finally(() => {
            location.hash = '#/login';
            location.reload();
          })
        }
      >
        Sign out
      </button>
      <Sessions />
      <TwoFactor />
      <Password />
    </section>
  );
}

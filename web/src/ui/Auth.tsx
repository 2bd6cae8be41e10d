import { useState } from 'preact/hooks';
import { client, errorCode } from '../client.js';
import { start } from '../events.js';
import { go } from '../route.js';
import { DevOutbox } from './DevOutbox.js';
import { Field, Form, useAction } from './forms.js';

function SignUp() {
  const [username, setUsername] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [sent, setSent] = useState(false);
  const { busy, error, run } = useAction();
  if (sent)
    return (
      <section class="card" aria-label="Check your mail">
        <h2>Check your mail</h2>
        <p>
          We sent a link to <strong>{email}</strong>. Open it to verify your address, then <a href="#/login">sign in</a>.
        </p>
        <DevOutbox email={email} />
      </section>
    );
  return (
    <Form
      title="Create an account"
      submit="Sign up"
      busy={busy}
      error={error}
      onSubmit={() =>
        void run(async () => {
          await client.post('/signup', { body: { username, email, password } });
          setSent(true);
        })
      }
    >
      <Field label="Username" name="username" value={username} onInput={setUsername} autoComplete="username" />
      <Field label="E-mail" name="email" type="email" value={email} onInput={setEmail} autoComplete="email" />
      <Field
        label="Password (8 characters or more)"
        name="password"
        type="password"
        value={password}
        onInput={setPassword}
        autoComplete="new-password"
        minLength={8}
      />
    </Form>
  );
}

function Login() {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [mfaToken, setMfaToken] = useState('');
  const [code, setCode] = useState('');
  const [unverified, setUnverified] = useState(false);
  const { busy, error, run } = useAction();
  const signedIn = async () => {
    go('');
    await start();
  };
  if (mfaToken)
    return (
      <Form
        title="Two-factor code"
        submit="Verify"
        busy={busy}
        error={error}
        onSubmit={() =>
          void run(async () => {
            await client.loginMfa({ mfaToken, code: code.trim() });
            await signedIn();
          })
        }
      >
        <Field
          label="Code from your app, or a recovery code"
          name="code"
          value={code}
          onInput={setCode}
          autoComplete="one-time-code"
        />
      </Form>
    );
  return (
    <>
      <Form
        title="Sign in"
        submit="Sign in"
        busy={busy}
        error={error}
        onSubmit={() =>
          void run(async () => {
            try {
              const result = await client.login({ email, password });
              if ('mfaRequired' in result) setMfaToken(result.mfaToken);
              else await signedIn();
            } catch (caught) {
              setUnverified(errorCode(caught) === 'email_not_verified');
              throw caught;
            }
          })
        }
      >
        <Field label="E-mail" name="email" type="email" value={email} onInput={setEmail} autoComplete="email" />
        <Field
          label="Password"
          name="password"
          type="password"
          value={password}
          onInput={setPassword}
          autoComplete="current-password"
        />
        <p class="links">
          <a href="#/signup">Create an account</a> · <a href="#/forgot">Forgot your password?</a>
        </p>
      </Form>
      {unverified && (
        <section class="card" aria-label="Verify your address">
          <button type="button" onClick={() => void client.post('/verify-email/resend', { body: { email } })}>
            Send the verification link again
          </button>
          <DevOutbox email={email} />
        </section>
      )}
    </>
  );
}

function Forgot() {
  const [email, setEmail] = useState('');
  const [sent, setSent] = useState(false);
  const { busy, error, run } = useAction();
  return (
    <>
      <Form
        title="Reset your password"
        submit="Send me a link"
        busy={busy}
        error={error}
        onSubmit={() =>
          void run(async () => {
            await client.post('/password/forgot', { body: { email } });
            setSent(true);
          })
        }
      >
        <Field label="E-mail" name="email" type="email" value={email} onInput={setEmail} autoComplete="email" />
        {sent && <p role="status">If an account uses this address, a link is on its way.</p>}
        <p class="links">
          <a href="#/login">Back to sign in</a>
        </p>
      </Form>
      {sent && <DevOutbox email={email} />}
    </>
  );
}

export function AuthScreen({ route }: { route: string[] }) {
  const page = route[0];
  return (
    <main class="auth" id="main">
      <h1 class="brand">Chat</h1>
      {page === 'signup' ? <SignUp /> : page === 'forgot' ? <Forgot /> : <Login />}
    </main>
  );
}

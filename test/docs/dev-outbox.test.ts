import assert from 'node:assert/strict';
import { test } from 'node:test';
import { startTestApp, useTestApp } from '../helpers/app.js';
import { uniqueName } from '../helpers/factories.js';
import { productionEnv } from '../helpers/production.js';

// Embedded mode with the real outbox mailer, as `npm start` runs without SMTP_URL.
const t = useTestApp({ realMailer: true });

async function signup(username: string) {
  const email = `${username}@example.test`;
  const res = await t.current.http.post('/signup', { username, email, password: 'correct horse battery' });
  assert.equal(res.status, 202);
  return email;
}

/** Mail is sent after the answer: waits until the outbox has one for `to`. */
async function mailsTo(to: string) {
  for (;;) {
    const { body } = await t.current.http.get(`/dev/outbox?to=${encodeURIComponent(to)}`);
    if (body.mails.length > 0) return body.mails;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

test('GET /dev/outbox?to= gives each address its own verification link', async () => {
  const [ann, ben] = [uniqueName('ann'), uniqueName('ben')];
  const annEmail = await signup(ann);
  const benEmail = await signup(ben);
  const annMails = await mailsTo(annEmail.toUpperCase());
  const benMails = await mailsTo(benEmail);
  assert.equal(annMails.length, 1);
  assert.equal(benMails.length, 1);
  assert.equal(annMails[0].to, annEmail);
  assert.match(annMails[0].link, /\/verify-email\?token=/);
  assert.notEqual(annMails[0].link, benMails[0].link);
  assert.match(annMails[0].file, /\.eml$/);

  // Ann's link verifies Ann: she can log in, Ben (not yet verified) cannot.
  const verify = await fetch(annMails[0].link.replace(t.current.config.publicUrl, t.current.url));
  assert.equal(verify.status, 200);
  assert.equal((await t.current.http.post('/login', { email: annEmail, password: 'correct horse battery' })).status, 200);
  assert.equal((await t.current.http.post('/login', { email: benEmail, password: 'correct horse battery' })).status, 403);
});

test('GET /dev/outbox lists nothing for an unknown address and refuses a missing one', async () => {
  assert.deepEqual((await t.current.http.get('/dev/outbox?to=nobody@example.test')).body, { mails: [] });
  assert.equal((await t.current.http.get('/dev/outbox')).status, 400);
});

test('GET /dev/outbox does not exist with SMTP or in production', async () => {
  const envs: Record<string, string>[] = [
    { SMTP_URL: 'smtp://127.0.0.1:9' },
    { ...productionEnv, PUBLIC_URL: 'https://chat.example.test' },
  ];
  for (const env of envs) {
    const app = await startTestApp({ env, realMailer: true });
    try {
      const res = await app.http.get('/dev/outbox?to=a@example.test');
      assert.equal(res.status, 404, JSON.stringify(env));
    } finally {
      await app.close();
    }
  }
});

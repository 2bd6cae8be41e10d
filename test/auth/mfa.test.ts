import assert from 'node:assert/strict';
import { test } from 'node:test';
import { useTestApp } from '../helpers/app.js';
import { assertProblem, enableMfa, expireTokens, PASSWORD, signedUp, totpCode } from './support.js';

const t = useTestApp();
const NEXT_STEP = 30_000;

async function mfaChallenge(email: string): Promise<string> {
  const res = await t.current.http.post('/login', { email, password: PASSWORD });
  assert.equal(res.status, 200);
  assert.equal(res.body.mfaRequired, true);
  assert.equal(res.body.accessToken, undefined);
  return res.body.mfaToken as string;
}

test('TOTP setup gives an RFC 6238 secret, stored encrypted; enable needs a valid code', async () => {
  const account = await signedUp(t.current);
  const token = account.tokens.accessToken;
  const setup = await t.current.http.post('/mfa/totp/setup', undefined, token);
  assert.equal(setup.status, 200);
  assert.match(setup.body.secret, /^[A-Z2-7]{32}$/);
  const url = new URL(setup.body.otpauthUrl);
  assert.equal(url.protocol, 'otpauth:');
  assert.equal(url.host, 'totp');
  assert.equal(url.searchParams.get('secret'), setup.body.secret);
  assert.equal(url.searchParams.get('algorithm'), 'SHA1');
  assert.equal(url.searchParams.get('digits'), '6');
  assert.equal(url.searchParams.get('period'), '30');
  const row = await t.current.app.infra.database.db
    .selectFrom('users')
    .select(['mfaSecret', 'mfaEnabled'])
    .where('id', '=', account.id)
    .executeTakeFirstOrThrow();
  assert.ok(row.mfaSecret?.startsWith('v2:'));
  assert.ok(!(row.mfaSecret ?? '').includes(setup.body.secret));
  assert.equal(row.mfaEnabled, false);

  assertProblem(
    await t.current.http.post('/mfa/totp/enable', { password: PASSWORD, code: '000000' }, token),
    401,
    'invalid_mfa_code',
  );
  assertProblem(
    await t.current.http.post('/mfa/totp/enable', { password: PASSWORD, code: 'abc' }, token),
    400,
    'validation_failed',
  );
  assertProblem(await t.current.http.post('/mfa/totp/enable', {}, token), 400, 'validation_failed');
  const enable = await t.current.http.post('/mfa/totp/enable', { password: PASSWORD, code: totpCode(setup.body.secret) }, token);
  assert.equal(enable.status, 200);
  assert.equal(enable.body.recoveryCodes.length, 10);
  assert.equal(new Set(enable.body.recoveryCodes).size, 10);
  const codes = await t.current.app.infra.database.db
    .selectFrom('mfaRecoveryCodes')
    .select('codeHash')
    .where('userId', '=', account.id)
    .execute();
  assert.equal(codes.length, 10);
  assert.ok(
    codes.every((c) => !enable.body.recoveryCodes.includes(c.codeHash)),
    'stored hashed',
  );
  assert.equal((await t.current.http.get('/profile', token)).body.mfaEnabled, true);
  assertProblem(await t.current.http.post('/mfa/totp/setup', undefined, token), 409, 'mfa_already_enabled');
});

test('enable before setup is refused', async () => {
  const account = await signedUp(t.current);
  assertProblem(
    await t.current.http.post('/mfa/totp/enable', { password: PASSWORD, code: '123456' }, account.tokens.accessToken),
    409,
    'mfa_not_enabled',
  );
});

test('enable needs the password: a stolen session cannot enrol its own authenticator', async () => {
  const account = await signedUp(t.current);
  const token = account.tokens.accessToken;
  const setup = await t.current.http.post('/mfa/totp/setup', undefined, token);
  const code = totpCode(setup.body.secret);
  assertProblem(await t.current.http.post('/mfa/totp/enable', { code }, token), 400, 'validation_failed');
  assertProblem(
    await t.current.http.post('/mfa/totp/enable', { password: 'not the password', code }, token),
    401,
    'invalid_credentials',
  );
  assert.equal((await t.current.http.get('/profile', token)).body.mfaEnabled, false);
  assert.ok(!t.current.mail.lastTo(account.email)?.subject.includes('Two-factor'), 'no mail for a refused attempt');
});

test('the owner is told by mail when two-factor is turned on and off', async () => {
  const account = await signedUp(t.current);
  const token = account.tokens.accessToken;
  const { secret } = await enableMfa(t.current, token);
  const on = t.current.mail.lastTo(account.email);
  assert.equal(on?.subject, 'Two-factor authentication is on');
  assert.match(on.text, /If you did not do this/);
  assert.ok(on.html.includes('Two-factor authentication was just turned on'));
  const off = await t.current.http.post(
    '/mfa/totp/disable',
    { password: PASSWORD, code: totpCode(secret, Date.now() + 30_000) },
    token,
  );
  assert.equal(off.status, 204, off.text);
  assert.equal(t.current.mail.lastTo(account.email)?.subject, 'Two-factor authentication is off');
});

test('login with MFA: a code from the app works once; wrong and replayed codes are refused', async () => {
  const account = await signedUp(t.current);
  const { secret } = await enableMfa(t.current, account.tokens.accessToken);

  const replayOfEnable = await mfaChallenge(account.email);
  assertProblem(
    await t.current.http.post('/login/mfa', { mfaToken: replayOfEnable, code: totpCode(secret) }),
    401,
    'invalid_mfa_code',
  );
  assertProblem(await t.current.http.post('/login/mfa', { mfaToken: replayOfEnable, code: '000000' }), 401, 'invalid_mfa_code');

  const code = totpCode(secret, Date.now() + NEXT_STEP);
  const ok = await t.current.http.post('/login/mfa', { mfaToken: replayOfEnable, code });
  assert.equal(ok.status, 200);
  assert.equal(ok.body.user.mfaEnabled, true);
  assert.equal((await t.current.http.get('/profile', ok.body.accessToken)).status, 200);
  assertProblem(await t.current.http.post('/login/mfa', { mfaToken: replayOfEnable, code }), 400, 'invalid_token');

  const second = await mfaChallenge(account.email);
  assertProblem(await t.current.http.post('/login/mfa', { mfaToken: second, code }), 401, 'invalid_mfa_code');
  assertProblem(await t.current.http.post('/login/mfa', { mfaToken: 'made-up', code }), 400, 'invalid_token');
});

test('a recovery code logs in once; used twice it is refused', async () => {
  const account = await signedUp(t.current);
  const { recoveryCodes } = await enableMfa(t.current, account.tokens.accessToken);
  const first = await t.current.http.post('/login/mfa', {
    mfaToken: await mfaChallenge(account.email),
    code: recoveryCodes[0]!.toUpperCase(),
  });
  assert.equal(first.status, 200);
  assertProblem(
    await t.current.http.post('/login/mfa', { mfaToken: await mfaChallenge(account.email), code: recoveryCodes[0] }),
    401,
    'invalid_mfa_code',
  );
  assert.equal(
    (await t.current.http.post('/login/mfa', { mfaToken: await mfaChallenge(account.email), code: recoveryCodes[1] })).status,
    200,
  );
});

test('five wrong codes lock the MFA step; an expired step is refused', async () => {
  const account = await signedUp(t.current);
  const { secret } = await enableMfa(t.current, account.tokens.accessToken);
  const mfaToken = await mfaChallenge(account.email);
  for (let i = 0; i < 5; i += 1) {
    assertProblem(await t.current.http.post('/login/mfa', { mfaToken, code: '999999' }), 401, 'invalid_mfa_code');
  }
  const good = totpCode(secret, Date.now() + NEXT_STEP);
  assertProblem(await t.current.http.post('/login/mfa', { mfaToken, code: good }), 400, 'invalid_token');

  const stale = await mfaChallenge(account.email);
  await expireTokens(t.current, 'mfa_login');
  assertProblem(await t.current.http.post('/login/mfa', { mfaToken: stale, code: good }), 400, 'invalid_token');
  const fresh = await mfaChallenge(account.email);
  assert.equal((await t.current.http.post('/login/mfa', { mfaToken: fresh, code: good })).status, 200);
});

test('disable needs the password and a code; afterwards login needs no code', async () => {
  const account = await signedUp(t.current);
  const token = account.tokens.accessToken;
  const { recoveryCodes } = await enableMfa(t.current, token);
  assertProblem(
    await t.current.http.post('/mfa/totp/disable', { password: 'wrong password', code: recoveryCodes[0] }, token),
    401,
    'invalid_credentials',
  );
  assertProblem(
    await t.current.http.post('/mfa/totp/disable', { password: PASSWORD, code: '000000' }, token),
    401,
    'invalid_mfa_code',
  );
  assertProblem(await t.current.http.post('/mfa/totp/disable', { password: PASSWORD }, token), 400, 'validation_failed');
  assert.equal(
    (await t.current.http.post('/mfa/totp/disable', { password: PASSWORD, code: recoveryCodes[0] }, token)).status,
    204,
  );
  assert.equal((await t.current.http.get('/profile', token)).body.mfaEnabled, false);
  const login = await t.current.http.post('/login', { email: account.email, password: PASSWORD });
  assert.equal(login.status, 200);
  assert.equal(typeof login.body.accessToken, 'string');
  assertProblem(
    await t.current.http.post('/mfa/totp/disable', { password: PASSWORD, code: recoveryCodes[1] }, token),
    409,
    'mfa_not_enabled',
  );
  const rows = await t.current.app.infra.database.db
    .selectFrom('mfaRecoveryCodes')
    .select('codeHash')
    .where('userId', '=', account.id)
    .execute();
  assert.equal(rows.length, 0);
});

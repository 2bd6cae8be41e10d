// The two small pages a mailed link opens in a browser. The reset form posts JSON to the API
// with a few lines of script, so the API itself stays JSON-only.

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="referrer" content="no-referrer"><title>${title}</title>
<style>body{font-family:system-ui,sans-serif;max-width:28rem;margin:4rem auto;padding:0 1rem}input,button{font:inherit;padding:.4rem;margin:.3rem 0;width:100%}</style>
</head><body><h1>${title}</h1>
${body}
</body></html>`;
}

export type VerifyOutcome = 'verified' | 'already_verified' | 'email_changed' | 'invalid';

export function verifyPage(outcome: VerifyOutcome): string {
  switch (outcome) {
    case 'verified':
      return page('E-mail confirmed', '<p>Your e-mail address is confirmed. You can now log in.</p>');
    case 'already_verified':
      return page('Already verified', '<p>This address was already verified. You can log in.</p>');
    case 'email_changed':
      return page('E-mail changed', '<p>Your account now uses this e-mail address.</p>');
    case 'invalid':
      return page('Link not valid', '<p>This link is invalid or has expired. Ask for a new one from the app.</p>');
  }
}

export function resetFormPage(token: string): string {
  const safeToken = JSON.stringify(token).replace(/</g, '\\u003c');
  return page(
    'Choose a new password',
    `<form id="f"><label>New password <input id="p" type="password" minlength="8" maxlength="128" required autocomplete="new-password"></label>
<button type="submit">Set password</button></form><p id="m" role="status"></p>
<script>
document.getElementById('f').addEventListener('submit', async (e) => {
  e.preventDefault();
  const res = await fetch('/password/reset', { method: 'POST', headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ token: ${safeToken}, newPassword: document.getElementById('p').value }) });
  const body = res.status === 204 ? null : await res.json().catch(() => null);
  document.getElementById('m').textContent = res.status === 204 ? 'Your password was changed. You can now log in.' : (body && body.detail) || 'Something went wrong.';
  if (res.status === 204) document.getElementById('f').remove();
});
</script>`,
  );
}

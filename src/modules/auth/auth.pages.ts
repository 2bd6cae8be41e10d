// The small pages a mailed link opens in a browser: plain HTML, no script.

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

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

/**
 * The form the reset link opens. It is a plain HTML form posting to `POST /reset-password` (same
 * origin, relative action), so it works without JavaScript and over plain HTTP on a LAN address.
 */
export function resetFormPage(token: string, message?: string): string {
  const notice = message ? `<p role="alert">${escapeHtml(message)}</p>\n` : '';
  return page(
    'Choose a new password',
    `${notice}<form method="post" action="reset-password"><input type="hidden" name="token" value="${escapeHtml(token)}">
<label>New password <input name="newPassword" type="password" minlength="8" maxlength="128" required autocomplete="new-password"></label>
<button type="submit">Set password</button></form>`,
  );
}

export type ResetOutcome = 'changed' | 'invalid' | 'rate_limited';

/** The answer to a submitted reset form. */
export function resetResultPage(outcome: ResetOutcome): string {
  switch (outcome) {
    case 'changed':
      return page('Password changed', '<p>Your password was changed and every session signed out. You can now log in.</p>');
    case 'invalid':
      return page('Link not valid', '<p>This link is invalid, used or expired. Ask for a new one from the app.</p>');
    case 'rate_limited':
      return page('Too many attempts', '<p>Too many attempts from this address. Wait a few minutes and open the link again.</p>');
  }
}

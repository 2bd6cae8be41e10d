import type { Mail } from '../../lib/mailer.js';

// Every mail has a text and an HTML part; links are absolute, built from PUBLIC_URL.

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function compose(to: string, subject: string, lines: string[], link?: { url: string; label: string }): Mail {
  const text = [...lines, ...(link ? ['', `${link.label}: ${link.url}`] : []), '', '— Chat'].join('\n');
  const paragraphs = lines.map((l) => `<p>${escapeHtml(l)}</p>`).join('\n');
  const button = link
    ? `<p><a href="${escapeHtml(link.url)}">${escapeHtml(link.label)}</a></p>\n<p style="color:#666">${escapeHtml(link.url)}</p>`
    : '';
  const html = `<!doctype html><html><body style="font-family:sans-serif">\n${paragraphs}\n${button}\n<p>— Chat</p></body></html>`;
  return { to, subject, text, html, ...(link ? { link: link.url } : {}) };
}

export function verificationMail(to: string, username: string, url: string): Mail {
  return compose(
    to,
    'Confirm your e-mail address',
    [
      `Hello ${username},`,
      'Please confirm your e-mail address to finish signing up. The link is valid for 24 hours.',
      'If you did not sign up, do not follow the link: ignore this mail.',
    ],
    {
      url,
      label: 'Confirm my e-mail address',
    },
  );
}

/**
 * No link on purpose: someone else may have signed up with this address first, and a link that
 * confirmed that account would hand it to them. Resetting the password proves the address and
 * signs everybody else out.
 */
export function alreadyRegisteredMail(to: string, username: string): Mail {
  return compose(to, 'You already have an account', [
    `Hello ${username},`,
    `Someone tried to sign up with this e-mail address, but it already belongs to an account (username ${username}).`,
    'If it was you, just log in. If you forgot your password, or never set up this account yourself, choose "Forgot password" in the app: a new password also confirms your address and signs every other device out.',
    'If it was not you, you can ignore this mail.',
  ]);
}

export function resetMail(to: string, username: string, url: string): Mail {
  return compose(
    to,
    'Reset your password',
    [
      `Hello ${username},`,
      'Follow the link within one hour to choose a new password. If you did not ask for it, ignore this mail.',
    ],
    {
      url,
      label: 'Choose a new password',
    },
  );
}

export function changeEmailMail(to: string, username: string, url: string): Mail {
  return compose(
    to,
    'Confirm your new e-mail address',
    [`Hello ${username},`, 'Follow the link within 24 hours to use this address for your account.'],
    {
      url,
      label: 'Confirm my new address',
    },
  );
}

export function emailInUseMail(to: string): Mail {
  return compose(to, 'E-mail change not possible', [
    'Someone asked to move their account to this address, but it already belongs to an account.',
    'If it was not you, you can ignore this mail.',
  ]);
}

export function emailChangedMail(to: string, username: string, newEmail: string): Mail {
  return compose(to, 'Your e-mail address was changed', [
    `Hello ${username},`,
    `The e-mail address of your account is now ${newEmail}. If you did not do this, reset your password at once.`,
  ]);
}

export function mfaEnabledMail(to: string, username: string): Mail {
  return compose(to, 'Two-factor authentication is on', [
    `Hello ${username},`,
    'Two-factor authentication was just turned on for your account: logging in now also needs a code from an authenticator app.',
    'If you did not do this, someone has access to your account: reset your password at once and sign out every device.',
  ]);
}

export function mfaDisabledMail(to: string, username: string): Mail {
  return compose(to, 'Two-factor authentication is off', [
    `Hello ${username},`,
    'Two-factor authentication was just turned off for your account: logging in now needs only the password.',
    'If you did not do this, reset your password at once and turn two-factor authentication on again.',
  ]);
}

export function mfaLockedMail(to: string, username: string): Mail {
  return compose(to, 'Two-factor login paused after wrong codes', [
    `Hello ${username},`,
    'Wrong two-factor codes were entered for your account too many times, so codes are refused for a while.',
    'Codes are only asked for after the correct password: if this was not you, someone knows your password. Change it and sign out every device.',
  ]);
}

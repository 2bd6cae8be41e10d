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
    [`Hello ${username},`, 'Please confirm your e-mail address to finish signing up. The link is valid for 24 hours.'],
    {
      url,
      label: 'Confirm my e-mail address',
    },
  );
}

export function alreadyRegisteredMail(to: string, username: string, verifyUrl?: string): Mail {
  const lines = [
    `Hello ${username},`,
    'Someone tried to sign up with this e-mail address, but you already have an account (username ' + username + ').',
    'If it was you, just log in; if you forgot your password, choose "Forgot password" in the app.',
  ];
  return verifyUrl
    ? compose(to, 'You already have an account', [...lines, 'Your address is not confirmed yet.'], {
        url: verifyUrl,
        label: 'Confirm my e-mail address',
      })
    : compose(to, 'You already have an account', [...lines, 'If it was not you, you can ignore this mail.']);
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

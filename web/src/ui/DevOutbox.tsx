import { useEffect, useState } from 'preact/hooks';

interface Mail {
  subject: string;
  link: string | null;
  sentAt: string;
}

/**
 * Development only: the mails the server wrote to its outbox for one address (`GET /dev/outbox`,
 * which exists only outside production when no SMTP server is configured), so the links can be
 * followed without a mail server. Renders nothing where the endpoint does not exist.
 */
export function DevOutbox({ email }: { email: string }) {
  const [mails, setMails] = useState<Mail[] | undefined>();
  useEffect(() => {
    let stop = false;
    const load = async () => {
      const response = await fetch(`/dev/outbox?to=${encodeURIComponent(email)}`).catch(() => undefined);
      if (stop || !response?.ok) return;
      setMails(((await response.json()) as { mails: Mail[] }).mails);
      if (!stop) timer = setTimeout(() => void load(), 2000);
    };
    let timer = setTimeout(() => void load(), 0);
    return () => {
      stop = true;
      clearTimeout(timer);
    };
  }, [email]);
  if (!mails) return null;
  return (
    <section class="outbox" aria-label="Development outbox">
      <h3>Development outbox for {email}</h3>
      <p class="hint">No mail server is configured, so mail lands here (never in production).</p>
      {mails.length === 0 ? (
        <p>No mail yet…</p>
      ) : (
        <ul>
          {mails.map((mail) => (
            <li key={mail.sentAt + mail.subject}>
              <strong>{mail.subject}</strong>{' '}
              {mail.link && (
                <a href={mail.link} class="mail-link" target="_blank" rel="noopener">
                  Open the link
                </a>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

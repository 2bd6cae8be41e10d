import { useEffect, useState } from 'preact/hooks';

/** The app's place, in the URL's hash (`#/chat/u/<id>`), so it never collides with an API path. */
export function useRoute(): string[] {
  const [hash, setHash] = useState(location.hash);
  useEffect(() => {
    const onChange = () => setHash(location.hash);
    addEventListener('hashchange', onChange);
    return () => removeEventListener('hashchange', onChange);
  }, []);
  return hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
}

export function go(path: string): void {
  location.hash = `#/${path}`;
}

/** The chat of a conversation: `u:<userId>` for a direct chat, `g:<groupId>` for a group. */
export type ChatKey = `u:${string}` | `g:${string}`;

export function chatPath(key: ChatKey): string {
  return key.startsWith('g:') ? `chat/g/${key.slice(2)}` : `chat/u/${key.slice(2)}`;
}

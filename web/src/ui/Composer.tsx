import type { FileObject, Message, PublicUser } from '@chat-api/client';
import { useRef, useState } from 'preact/hooks';
import { client, errorText } from '../client.js';
import { nameOf } from '../store.js';
import { Attachment } from './MessageItem.js';

interface Upload {
  id: number;
  name: string;
  progress: number;
  file?: FileObject;
  error?: string;
}

/** The `@word` being typed at the end of the text, if any. */
function mentionQuery(text: string): string | undefined {
  const at = text.lastIndexOf('@');
  if (at < 0 || (at > 0 && !/\s/.test(text[at - 1] ?? ''))) return undefined;
  const word = text.slice(at + 1);
  return /\s/.test(word) ? undefined : word.toLowerCase();
}

let uploads = 0;

export function Composer(props: {
  target: { recipientId: string } | { groupId: string };
  people: PublicUser[];
  replyTo: Message | undefined;
  onCancelReply: () => void;
}) {
  const [text, setText] = useState('');
  const [files, setFiles] = useState<Upload[]>([]);
  const [active, setActive] = useState(0);
  const lastTyping = useRef(0);
  const input = useRef<HTMLTextAreaElement>(null);
  const query = mentionQuery(text);
  const matches = query === undefined ? [] : props.people.filter((p) => p.username.toLowerCase().startsWith(query)).slice(0, 6);

  const patch = (id: number, change: Partial<Upload>) =>
    setFiles((list) => list.map((u) => (u.id === id ? { ...u, ...change } : u)));
  const attach = (list: FileList | null) => {
    for (const file of Array.from(list ?? [])) {
      const id = ++uploads;
      setFiles((current) => [...current, { id, name: file.name, progress: 0 }]);
      client.upload(file, { onProgress: (loaded, total) => patch(id, { progress: total ? loaded / total : 1 }) }).then(
        (uploaded) => patch(id, { file: uploaded, progress: 1 }),
        (error: unknown) => patch(id, { error: errorText(error) }),
      );
    }
  };
  const pick = (user: PublicUser) => {
    const at = text.lastIndexOf('@');
    setText(`${text.slice(0, at)}@${user.username} `);
    input.current?.focus();
  };
  const ready = files.filter((u) => u.file);
  const busy = files.some((u) => !u.file && !u.error);
  const send = () => {
    const body = text.trim();
    if ((!body && ready.length === 0) || busy) return;
    const mentions = props.people.filter((p) => body.includes(`@${p.username}`)).map((p) => p.id);
    client.send({
      ...props.target,
      ...(body ? { text: body } : {}),
      ...(ready.length ? { attachmentIds: ready.map((u) => u.file!.id) } : {}),
      ...(props.replyTo ? { replyToId: props.replyTo.id } : {}),
      ...(mentions.length ? { mentions } : {}),
    });
    setText('');
    setFiles([]);
    props.onCancelReply();
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (matches.length > 0) {
      if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
        e.preventDefault();
        setActive((i) => (i + (e.key === 'ArrowDown' ? 1 : matches.length - 1)) % matches.length);
        return;
      }
      if (e.key === 'Enter' || e.key === 'Tab') {
        e.preventDefault();
        pick(matches[Math.min(active, matches.length - 1)]!);
        return;
      }
    }
    if (e.key === 'Enter' && !e.shiftKey) {
      e.preventDefault();
      send();
    }
  };
  const onInput = (value: string) => {
    setText(value);
    setActive(0);
    if (Date.now() - lastTyping.current > 3000) {
      lastTyping.current = Date.now();
      client.typing(props.target);
    }
  };

  return (
    <form
      class="composer"
      aria-label="Send a message"
      onSubmit={(e) => {
        e.preventDefault();
        send();
      }}
    >
      {props.replyTo && (
        <p class="replying">
          Replying to {nameOf(props.replyTo.senderId)}: {props.replyTo.text}{' '}
          <button type="button" onClick={props.onCancelReply} aria-label="Cancel reply">
            ✕
          </button>
        </p>
      )}
      {files.length > 0 && (
        <ul class="uploads" aria-label="Attachments">
          {files.map((u) => (
            <li key={u.id}>
              {u.file ? <Attachment file={u.file} /> : <span>{u.name}</span>}
              {!u.file && !u.error && <progress max={1} value={u.progress} aria-label={`Uploading ${u.name}`} />}
              {u.error && <span class="error">{u.error}</span>}
              <button type="button" aria-label={`Remove ${u.name}`} onClick={() => setFiles(files.filter((f) => f !== u))}>
                ✕
              </button>
            </li>
          ))}
        </ul>
      )}
      {matches.length > 0 && (
        <ul class="mentions" role="listbox" id="mention-list" aria-label="Mention someone">
          {matches.map((user, i) => (
            <li
              key={user.id}
              id={`mention-${user.id}`}
              role="option"
              aria-selected={i === active}
              onMouseDown={(e) => {
                e.preventDefault();
                pick(user);
              }}
            >
              @{user.username} <span class="hint">{user.displayName}</span>
            </li>
          ))}
        </ul>
      )}
      <div class="row">
        <label class="attach" title="Attach files">
          <svg aria-hidden="true" viewBox="0 0 24 24" width="22" height="22">
            <path
              d="M16.5 6.5 8.9 14.1a2 2 0 0 0 2.8 2.8l7.6-7.6a4 4 0 0 0-5.6-5.6L6 11.4a6 6 0 0 0 8.5 8.5l6-6"
              fill="none"
              stroke="currentColor"
              stroke-width="2"
              stroke-linecap="round"
            />
          </svg>
          <span class="sr-only">Attach files</span>
          <input type="file" multiple onChange={(e) => attach(e.currentTarget.files)} />
        </label>
        <label for="composer-text" class="sr-only">
          Message
        </label>
        <textarea
          id="composer-text"
          ref={input}
          rows={1}
          placeholder="Write a message…"
          value={text}
          aria-expanded={matches.length > 0}
          aria-controls="mention-list"
          aria-autocomplete="list"
          aria-activedescendant={matches[active] ? `mention-${matches[active].id}` : undefined}
          onInput={(e) => onInput(e.currentTarget.value)}
          onKeyDown={onKeyDown}
        />
        <button type="submit" disabled={busy}>
          Send
        </button>
      </div>
    </form>
  );
}

import type { FileObject, Message, PendingMessage } from '@chat-api/client';
import { useState } from 'preact/hooks';
import { client, errorText } from '../client.js';
import { nameOf, state } from '../store.js';
import { systemText } from '../system-text.js';

const TICKS = {
  sent: { mark: '✓', label: 'Sent' },
  delivered: { mark: '✓✓', label: 'Delivered' },
  read: { mark: '✓✓', label: 'Read' },
  pending: { mark: '…', label: 'Sending' },
  failed: { mark: '!', label: 'Not sent' },
} as const;

export function Ticks({ status }: { status: keyof typeof TICKS }) {
  const tick = TICKS[status];
  return (
    <span class={`ticks ${status}`} data-status={status} role="img" aria-label={tick.label} title={tick.label}>
      {tick.mark}
    </span>
  );
}

function size(bytes: number): string {
  return bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} kB` : `${(bytes / 1048576).toFixed(1)} MB`;
}

export function Attachment({ file }: { file: FileObject }) {
  if (file.thumbnailUrl)
    return (
      <a href={file.url} target="_blank" rel="noopener" class="attachment image">
        <img class="thumb" src={file.thumbnailUrl} alt={file.name} width={file.width ?? undefined} loading="lazy" />
      </a>
    );
  return (
    <a href={file.url} target="_blank" rel="noopener" class="attachment file" download={file.name}>
      {file.name} <span class="hint">({size(file.size)})</span>
    </a>
  );
}

function time(iso: string): string {
  return new Date(iso).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
}

export function MessageItem(props: { message: Message; canModerate: boolean; onReply: (m: Message) => void }) {
  const { message } = props;
  const mine = message.senderId === state.me?.id;
  const [editing, setEditing] = useState<string | undefined>();
  const [error, setError] = useState('');
  if (message.type === 'system')
    return (
      <li class="system" data-seq={message.seq}>
        {systemText(message)}
      </li>
    );
  const deleted = message.deletedAt !== null;
  const act = (action: () => Promise<unknown>) => action().catch((e: unknown) => setError(errorText(e)));
  const save = () =>
    act(async () => {
      await client.patch('/messages/{id}', { params: { path: { id: message.id } }, body: { text: editing ?? '' } });
      setEditing(undefined);
    });
  return (
    <li class={`message ${mine ? 'mine' : 'theirs'}`} data-seq={message.seq} data-id={message.id}>
      {!mine && message.groupId && <span class="sender">{nameOf(message.senderId)}</span>}
      {message.replyTo && (
        <blockquote class="reply-to">
          {nameOf(message.replyTo.senderId)}: {message.replyTo.text ?? 'deleted message'}
        </blockquote>
      )}
      {editing !== undefined ? (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
        >
          <label class="sr-only" for={`edit-${message.id}`}>
            Edit message
          </label>
          <input
            id={`edit-${message.id}`}
            value={editing}
            ref={(el) => el?.focus()}
            onInput={(e) => setEditing(e.currentTarget.value)}
            onKeyDown={(e) => e.key === 'Escape' && setEditing(undefined)}
          />
          <button type="submit">Save</button>
        </form>
      ) : (
        <p class={`text ${deleted ? 'deleted' : ''}`}>{deleted ? 'Message deleted' : message.text}</p>
      )}
      {message.attachments.map((file) => (
        <Attachment key={file.id} file={file} />
      ))}
      <span class="info">
        {time(message.createdAt)}
        {message.editedAt && !deleted && ' · edited'}
        {mine && message.status && <Ticks status={message.status} />}
      </span>
      {!deleted && (
        <span class="actions">
          <button type="button" onClick={() => props.onReply(message)} aria-label="Reply">
            Reply
          </button>
          {mine && (
            <button type="button" onClick={() => setEditing(message.text ?? '')} aria-label="Edit">
              Edit
            </button>
          )}
          {(mine || props.canModerate) && (
            <button
              type="button"
              aria-label="Delete"
              onClick={() =>
                confirm('Delete this message?') &&
                void act(() => client.delete('/messages/{id}', { params: { path: { id: message.id } } }))
              }
            >
              Delete
            </button>
          )}
        </span>
      )}
      {error && (
        <span class="error" role="alert">
          {error}
        </span>
      )}
    </li>
  );
}

export function PendingItem({ message }: { message: PendingMessage }) {
  return (
    <li class="message mine pending" data-client-id={message.clientMessageId}>
      <p class="text">{message.text}</p>
      <span class="info">
        <Ticks status={message.status} />
        {message.status === 'failed' && (
          <>
            <span class="error">{message.error?.detail}</span>
            <button type="button" onClick={() => client.outbox.retry(message.clientMessageId)}>
              Retry
            </button>
            <button type="button" onClick={() => client.outbox.discard(message.clientMessageId)}>
              Discard
            </button>
          </>
        )}
      </span>
    </li>
  );
}

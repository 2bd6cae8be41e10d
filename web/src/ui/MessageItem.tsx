import type { FileObject, Message, PendingMessage } from '@chat-api/client';
import { useEffect, useRef, useState } from 'preact/hooks';
import { client, errorText } from '../client.js';
import { setPinned, toggleReaction } from '../data.js';
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

export function time(iso: string): string {
  return new Date(iso).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
}

/** What the reaction picker offers (any other emoji arrives from other apps and shows as a chip). */
export const COMMON_EMOJI = ['👍', '❤️', '😂', '🎉', '😮', '😢', '🙏'];

/** The counted reactions under a message: each chip toggles your own. */
function Reactions(props: { message: Message; act: (action: () => Promise<unknown>) => unknown }) {
  const { message } = props;
  if (message.reactions.length === 0) return null;
  return (
    <ul class="reactions" aria-label="Reactions">
      {message.reactions.map((r) => (
        <li key={r.emoji}>
          <button
            type="button"
            class={r.me ? 'chip mine' : 'chip'}
            aria-pressed={r.me}
            aria-label={`${r.emoji} ${r.count}`}
            title={r.me ? `Take back your ${r.emoji}` : `React with ${r.emoji}`}
            onClick={() => props.act(() => toggleReaction(message, r.emoji))}
          >
            <span aria-hidden="true">{r.emoji}</span> {r.count}
          </button>
        </li>
      ))}
    </ul>
  );
}

/** A few common emoji; Escape or a pick closes it. */
function Picker(props: { onPick: (emoji: string) => void; onClose: () => void }) {
  const first = useRef<HTMLButtonElement>(null);
  useEffect(() => first.current?.focus(), []);
  return (
    <div
      class="picker"
      role="group"
      aria-label="Pick a reaction"
      onKeyDown={(e) => {
        if (e.key === 'Escape') props.onClose();
      }}
    >
      {COMMON_EMOJI.map((emoji, i) => (
        <button
          key={emoji}
          type="button"
          aria-label={`React with ${emoji}`}
          ref={i === 0 ? first : undefined}
          onClick={() => props.onPick(emoji)}
        >
          {emoji}
        </button>
      ))}
      <button type="button" class="close" aria-label="Close the reaction picker" onClick={props.onClose}>
        ✕
      </button>
    </div>
  );
}

export function MessageItem(props: { message: Message; canModerate: boolean; onReply: (m: Message) => void }) {
  const { message } = props;
  const mine = message.senderId === state.me?.id;
  const [editing, setEditing] = useState<string | undefined>();
  const [picking, setPicking] = useState(false);
  const reactButton = useRef<HTMLButtonElement>(null);
  const closePicker = () => {
    setPicking(false);
    reactButton.current?.focus();
  };
  const [error, setError] = useState('');
  if (message.type === 'system')
    return (
      <li class="system" data-seq={message.seq}>
        {systemText(message)}
      </li>
    );
  const deleted = message.deletedAt !== null;
  const act = (action: () => Promise<unknown>) => {
    setError('');
    return action().catch((e: unknown) => setError(errorText(e)));
  };
  // Either person pins in a direct chat; in a group the owner and admins.
  const canPin = !message.groupId || props.canModerate;
  const save = () =>
    act(async () => {
      await client.patch('/messages/{id}', { params: { path: { id: message.id } }, body: { text: editing ?? '' } });
      setEditing(undefined);
    });
  return (
    // Focusable (not in the tab order) so that a tap on a touch screen shows its actions.
    <li class={`message ${mine ? 'mine' : 'theirs'}`} data-seq={message.seq} data-id={message.id} tabIndex={-1}>
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
      {!deleted && <Reactions message={message} act={act} />}
      <span class="info">
        {message.pinnedAt && !deleted && (
          <span class="pinned" title={`Pinned by ${nameOf(message.pinnedBy)}`}>
            <span aria-hidden="true">📌</span> Pinned ·
          </span>
        )}
        {time(message.createdAt)}
        {message.editedAt && !deleted && ' · edited'}
        {mine && message.status && <Ticks status={message.status} />}
      </span>
      {!deleted && (
        <span class="actions" role="group" aria-label="Message actions">
          <button type="button" onClick={() => props.onReply(message)} aria-label="Reply">
            Reply
          </button>
          <button type="button" ref={reactButton} aria-expanded={picking} onClick={() => setPicking(!picking)}>
            React
          </button>
          {canPin && (
            <button type="button" onClick={() => void act(() => setPinned(message, !message.pinnedAt))}>
              {message.pinnedAt ? 'Unpin' : 'Pin'}
            </button>
          )}
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
      {picking && !deleted && (
        <Picker
          onClose={closePicker}
          onPick={(emoji) => {
            closePicker();
            if (!message.reactions.some((r) => r.emoji === emoji && r.me)) void act(() => toggleReaction(message, emoji));
          }}
        />
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

import { highlightParts, type SearchResult } from '@chat-api/client';
import { useEffect, useRef } from 'preact/hooks';
import { search } from '../data.js';
import { chatPath } from '../route.js';
import { changed, keyOfConversation, keyOfMessage, nameOf, state, titleOf, useStore } from '../store.js';

/** The message's text with the words the search matched in `<mark>` (text nodes only, never HTML). */
function Marked({ result }: { result: SearchResult }) {
  const text = result.message.text ?? '';
  return (
    <p class="text">
      {highlightParts(text, result.highlights).map((part, i) =>
        part.highlighted ? <mark key={i}>{part.text}</mark> : part.text,
      )}
    </p>
  );
}

function Result({ result }: { result: SearchResult }) {
  const { message } = result;
  const key = keyOfMessage(message);
  const when = new Date(message.createdAt);
  // Who wrote it, and where: a group's name, or the peer of a direct chat when it was me.
  const sender = nameOf(message.senderId);
  const where = message.groupId ? ` in ${titleOf(key)}` : message.senderId === state.me?.id ? ` to ${titleOf(key)}` : '';
  return (
    <li>
      <a href={`#/${chatPath(key)}`} class="result" data-id={message.id} onClick={() => (state.reveal = message.id)}>
        <span class="where">
          <strong>{sender}</strong>
          {where} ·{' '}
          <time dateTime={message.createdAt}>{when.toLocaleString([], { dateStyle: 'medium', timeStyle: 'short' })}</time>
        </span>
        <Marked result={result} />
      </a>
    </li>
  );
}

/** `#/search` (or `#/search/<conversationId>`): finds messages in your conversations. */
export function Search({ conversationId }: { conversationId: string | undefined }) {
  const { search: s, conversations } = useStore();
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.focus(), []);
  useEffect(() => {
    // Coming from a chat's "Search": that conversation is the filter.
    if (conversationId !== undefined && s.conversationId !== conversationId) {
      s.conversationId = conversationId;
      changed();
      if (s.done) void search();
    }
  }, [conversationId]);
  const count = s.results.length;
  const status = s.loading
    ? 'Searching…'
    : !s.done
      ? ''
      : count === 0
        ? `No messages found for “${s.asked.q}”.`
        : `${count}${s.nextCursor ? '+' : ''} message${count === 1 ? '' : 's'} found, newest first.`;
  return (
    <section class="page search" aria-labelledby="search-title">
      <h1 id="search-title">Search messages</h1>
      <form
        role="search"
        class="inline"
        onSubmit={(e) => {
          e.preventDefault();
          void search();
        }}
      >
        <label for="search-q" class="sr-only">
          Search messages
        </label>
        <input
          id="search-q"
          type="search"
          placeholder="Words, or “a phrase”"
          minLength={2}
          maxLength={200}
          required
          value={s.q}
          ref={input}
          onInput={(e) => {
            s.q = e.currentTarget.value;
            changed();
          }}
        />
        <label for="search-in">In</label>
        <select
          id="search-in"
          value={s.conversationId}
          onChange={(e) => {
            s.conversationId = e.currentTarget.value;
            changed();
            if (s.done) void search();
          }}
        >
          <option value="">All conversations</option>
          {conversations.map((c) => (
            <option key={c.id} value={c.id}>
              {titleOf(keyOfConversation(c))}
            </option>
          ))}
        </select>
        <button type="submit" disabled={s.loading}>
          Search
        </button>
      </form>
      <p class="hint" role="status">
        {status}
      </p>
      {s.error && (
        <p class="error" role="alert">
          {s.error}
        </p>
      )}
      {count > 0 && (
        <ol class="results" aria-label="Search results">
          {s.results.map((r) => (
            <Result key={r.message.id} result={r} />
          ))}
        </ol>
      )}
      {s.nextCursor && (
        <button type="button" disabled={s.loading} onClick={() => void search(true)}>
          {s.loading ? 'Loading…' : 'Load more'}
        </button>
      )}
    </section>
  );
}

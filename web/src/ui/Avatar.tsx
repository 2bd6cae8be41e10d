import type { FileObject } from '@chat-api/client';

/** Initials or the picture, with a presence dot for friends (online: green). */
export function Avatar(props: { name: string; file?: FileObject | null; online?: boolean | undefined }) {
  const initials = props.name.slice(0, 2).toUpperCase();
  return (
    <span class="avatar" aria-hidden="true">
      {props.file?.thumbnailUrl ? <img src={props.file.thumbnailUrl} alt="" /> : initials}
      {props.online !== undefined && <span class={`dot ${props.online ? 'on' : 'off'}`} />}
    </span>
  );
}

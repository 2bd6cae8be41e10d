import type { Highlight } from './types.js';

/** A piece of a message's text: plain, or one of the words a search matched. */
export interface TextPart {
  text: string;
  highlighted: boolean;
}

/**
 * Cuts a search result's text at its `highlights` (UTF-16 offsets, what `slice` takes) into plain
 * and highlighted parts, for rendering as text nodes and `<mark>` elements (never as HTML).
 * Offsets out of range or overlapping are clamped, so any answer yields the whole text once.
 */
export function highlightParts(text: string, highlights: readonly Highlight[]): TextPart[] {
  const parts: TextPart[] = [];
  let at = 0;
  for (const { start, end } of [...highlights].sort((a, b) => a.start - b.start)) {
    const from = Math.max(at, Math.min(start, text.length));
    const to = Math.max(from, Math.min(end, text.length));
    if (to === from) continue;
    if (from > at) parts.push({ text: text.slice(at, from), highlighted: false });
    parts.push({ text: text.slice(from, to), highlighted: true });
    at = to;
  }
  if (at < text.length) parts.push({ text: text.slice(at), highlighted: false });
  return parts;
}

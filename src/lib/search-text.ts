// How message text becomes search terms, the same way for documents and queries: words of
// letters and digits in any script, lower-cased and without accents (NFKD, marks dropped); each
// character of a script written without spaces (Chinese, Japanese, Thai, …) is a term of its own,
// so any substring of such text is a phrase of consecutive terms; each emoji is a term (skin
// tones and variation selectors dropped). Offsets are UTF-16 code units into the original text.
// Every pattern tests one grapheme's first character: linear in the text.

export interface TextToken {
  term: string;
  start: number;
  end: number;
}

/** One condition of a query: consecutive terms (a phrase), the last matching as a prefix if `prefix`. */
export interface QueryTerm {
  terms: string[];
  prefix: boolean;
}

const graphemes = new Intl.Segmenter('und', { granularity: 'grapheme' });
const EMOJI = /^[\p{Extended_Pictographic}\p{Regional_Indicator}]/u;
const UNSPACED =
  /^[\p{scx=Han}\p{scx=Hiragana}\p{scx=Katakana}\p{scx=Thai}\p{scx=Lao}\p{scx=Khmer}\p{scx=Myanmar}\p{scx=Tibetan}]/u;
const WORD = /^[\p{L}\p{N}]/u;
const MARKS = /\p{M}/gu;
const EMOJI_NOISE = /[\u{FE0E}\u{FE0F}\p{Emoji_Modifier}]/gu;

/** Terms longer than this are cut (the same way in documents and queries). */
export const MAX_TERM_LENGTH = 64;
const MAX_EMOJI_CODE_POINTS = 16;

export function normalizeTerm(raw: string): string {
  const term = raw.normalize('NFKD').replace(MARKS, '').toLowerCase().normalize('NFC');
  return term.length <= MAX_TERM_LENGTH ? term : Array.from(term).slice(0, MAX_TERM_LENGTH).join('');
}

/** The terms of a text with their places in it. */
export function tokenize(text: string): TextToken[] {
  const tokens: TextToken[] = [];
  let wordStart = -1;
  let wordEnd = -1;
  const flush = () => {
    if (wordStart < 0) return;
    const term = normalizeTerm(text.slice(wordStart, wordEnd));
    if (term !== '') tokens.push({ term, start: wordStart, end: wordEnd });
    wordStart = -1;
  };
  for (const { segment, index } of graphemes.segment(text)) {
    const end = index + segment.length;
    if (EMOJI.test(segment)) {
      flush();
      // By code points, so a grapheme stretched by thousands of combining marks stays a short term.
      const term = Array.from(segment.replace(EMOJI_NOISE, '')).slice(0, MAX_EMOJI_CODE_POINTS).join('');
      tokens.push({ term, start: index, end });
    } else if (UNSPACED.test(segment)) {
      flush();
      const term = normalizeTerm(segment);
      if (term !== '') tokens.push({ term, start: index, end });
    } else if (WORD.test(segment)) {
      if (wordStart < 0) wordStart = index;
      wordEnd = end;
    } else {
      flush();
    }
  }
  flush();
  return tokens;
}

const isUnspaced = (token: TextToken, text: string) => UNSPACED.test(text.slice(token.start, token.end));

/**
 * A query: `"quoted phrases"` match as written (consecutive words, the last one whole); every
 * other word matches words that start with it; a run of characters of a script written without
 * spaces matches that substring.
 */
export function parseQuery(q: string): QueryTerm[] {
  const result: QueryTerm[] = [];
  q.split('"').forEach((part, i) => {
    const tokens = tokenize(part);
    if (tokens.length === 0) return;
    if (i % 2 === 1) {
      result.push({ terms: tokens.map((t) => t.term), prefix: false });
      return;
    }
    let run: TextToken[] = [];
    const endRun = () => {
      if (run.length > 0) result.push({ terms: run.map((t) => t.term), prefix: false });
      run = [];
    };
    for (const token of tokens) {
      if (isUnspaced(token, part)) {
        if (run.length > 0 && run[run.length - 1]!.end !== token.start) endRun();
        run.push(token);
        continue;
      }
      endRun();
      result.push({ terms: [token.term], prefix: !EMOJI.test(part.slice(token.start, token.end)) });
    }
    endRun();
  });
  return result;
}

const MAX_POSITIONS = 255;
const MAX_POSITION = 16383;
const quote = (term: string) => `'${term.replaceAll('\\', '\\\\').replaceAll("'", "''")}'`;

/** A `tsvector` literal of a text: each term with its positions. */
export function toTsvector(text: string): string {
  const positions = new Map<string, number[]>();
  tokenize(text).forEach((token, i) => {
    const list = positions.get(token.term) ?? [];
    if (list.length < MAX_POSITIONS && i < MAX_POSITION) list.push(i + 1);
    positions.set(token.term, list);
  });
  return [...positions].map(([term, list]) => (list.length > 0 ? `${quote(term)}:${list.join(',')}` : quote(term))).join(' ');
}

/** A `tsquery` literal requiring every query term (phrases with `<->`, prefixes with `:*`). */
export function toTsquery(query: readonly QueryTerm[]): string {
  return query
    .map(({ terms, prefix }) => {
      const parts = terms.map((term, i) => (prefix && i === terms.length - 1 ? `${quote(term)}:*` : quote(term)));
      return `(${parts.join(' <-> ')})`;
    })
    .join(' & ');
}

/** Where the query matches a text: UTF-16 ranges, sorted, overlaps merged. */
export function highlight(text: string, query: readonly QueryTerm[]): { start: number; end: number }[] {
  const tokens = tokenize(text);
  const ranges: { start: number; end: number }[] = [];
  for (const { terms, prefix } of query) {
    for (let i = 0; i + terms.length <= tokens.length; i += 1) {
      const matches = terms.every((term, k) => {
        const token = tokens[i + k]!.term;
        return prefix && k === terms.length - 1 ? token.startsWith(term) : token === term;
      });
      if (matches) ranges.push({ start: tokens[i]!.start, end: tokens[i + terms.length - 1]!.end });
    }
  }
  ranges.sort((a, b) => a.start - b.start || a.end - b.end);
  const merged: { start: number; end: number }[] = [];
  for (const range of ranges) {
    const last = merged[merged.length - 1];
    if (last && range.start <= last.end) last.end = Math.max(last.end, range.end);
    else merged.push({ ...range });
  }
  return merged;
}

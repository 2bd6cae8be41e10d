// Reaction keys: one emoji grapheme (at most 32 UTF-8 bytes) or a `:shortcode:`. Checked one
// code point at a time with single-character classes, so the cost is linear in the input.

const SHORTCODE = /^:[a-z0-9_+-]{1,32}:$/;
const PICTOGRAPHIC = /^\p{Extended_Pictographic}$/u;
const REGIONAL_INDICATOR = /^\p{Regional_Indicator}$/u;
const MODIFIER = /^\p{Emoji_Modifier}$/u;
const KEYCAP_BASE = /^[0-9#*]$/;

const ZWJ = 0x200d;
const VS15 = 0xfe0e;
const VS16 = 0xfe0f;
const KEYCAP = 0x20e3;
const isTag = (cp: number) => cp >= 0xe0020 && cp <= 0xe007f;

const graphemes = new Intl.Segmenter('und', { granularity: 'grapheme' });

export const MAX_EMOJI_BYTES = 32;

/** Whether `value` is one grapheme made only of emoji parts, with something that shows as an emoji. */
function isEmojiGrapheme(value: string): boolean {
  let pictographs = 0;
  let regional = 0;
  let keycap = false;
  let keycapBase = false;
  for (const char of value) {
    const cp = char.codePointAt(0)!;
    if (PICTOGRAPHIC.test(char)) pictographs += 1;
    else if (REGIONAL_INDICATOR.test(char)) regional += 1;
    else if (cp === KEYCAP) keycap = true;
    else if (KEYCAP_BASE.test(char)) keycapBase = true;
    else if (!(MODIFIER.test(char) || cp === ZWJ || cp === VS15 || cp === VS16 || isTag(cp))) return false;
  }
  if (keycapBase) return keycap && pictographs === 0 && regional === 0;
  if (regional > 0) return regional === 2 && pictographs === 0 && !keycap;
  return pictographs > 0 && !keycap;
}

/** True for a valid reaction key: one emoji grapheme of at most 32 bytes, or `:shortcode:`. */
export function isReactionKey(value: string): boolean {
  if (value.length === 0) return false;
  if (value.startsWith(':')) return SHORTCODE.test(value);
  if (Buffer.byteLength(value, 'utf8') > MAX_EMOJI_BYTES) return false;
  const segments = graphemes.segment(value)[Symbol.iterator]();
  const first = segments.next();
  if (first.done || !segments.next().done) return false;
  return isEmojiGrapheme(value);
}

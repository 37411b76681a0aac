// Where a search's words are in a text, and the few words around them the list shows. Pure, so
// the server cuts the snippet and the browser marks the same words in the list and the thread.

/** Words of a search box, as the full-text query sees them (lib/inbox/search-terms.ts: at most 8). */
export function searchWords(q: string): string[] {
  return [...new Set(q.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [])].slice(0, 8);
}

/** [start, end) of a matched word in a text, in UTF-16 offsets (what String.slice takes). */
export type MatchRange = readonly [number, number];

// Compiled once per set of words: a search's list compiled the same pattern 5 times per row
// (50 rows of a transcript word: 3–12 ms of the server's CPU per search, #28 item 5).
const PATTERNS_KEPT = 256;
const patterns = new Map<string, RegExp>();

function wordsPattern(words: string[]): RegExp {
  const key = words.join("\u0000");
  let pattern = patterns.get(key);
  if (!pattern) {
    const alternatives = words.map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|");
    pattern = new RegExp(`(?<![\\p{L}\\p{N}\\p{M}])(?:${alternatives})[\\p{L}\\p{N}\\p{M}]*`, "giu");
    if (patterns.size >= PATTERNS_KEPT) patterns.clear();
    patterns.set(key, pattern);
  }
  pattern.lastIndex = 0;
  return pattern;
}

/**
 * Every word of the text that starts with one of the search's words (the full-text query is a
 * prefix query: "whiten" finds "whitening"), as whole words, in order. Matching is on the text as
 * it is (case-insensitive, Unicode-aware), so the offsets are the text's own.
 */
export function matchRanges(text: string, words: string[]): MatchRange[] {
  if (words.length === 0 || text.length === 0) return [];
  const pattern = wordsPattern(words);
  const ranges: MatchRange[] = [];
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    ranges.push([match.index, match.index + match[0].length] as const);
    // An empty word matches nothing's width: step one code point on, as matchAll does.
    if (match[0].length === 0)
      pattern.lastIndex = match.index + ((text.codePointAt(match.index) ?? 0) > 0xffff ? 2 : 1);
  }
  return ranges;
}

/** The first of matchRanges, without looking further. */
function firstMatch(text: string, words: string[]): MatchRange | undefined {
  if (words.length === 0 || text.length === 0) return undefined;
  const match = wordsPattern(words).exec(text);
  return match ? [match.index, match.index + match[0].length] : undefined;
}

/** How many different search words a text has (the field with the most is where a message matched). */
export function wordsFound(text: string, words: string[]): number {
  return words.filter((word) => firstMatch(text, [word]) !== undefined).length;
}

export interface SnippetOptions {
  /** Characters of context kept before the first match, so a narrow list row still shows the match. */
  before?: number;
  /** The snippet's length at most (the list row truncates what does not fit). */
  length?: number;
}

const WORD_GAP = /\s/u;

/**
 * The nearest boundary between user-perceived characters at or after (1) or before (-1) `index`:
 * a cut there never splits a surrogate pair, an accent from its letter, or an emoji sequence
 * (skin tones, ZWJ families, flags). Only needed where the text has no space to cut at.
 */
function safeCut(text: string, index: number, direction: -1 | 1): number {
  let previous = 0;
  for (const { index: at } of new Intl.Segmenter(undefined, { granularity: "grapheme" }).segment(text)) {
    if (at === index) return at;
    if (at > index) return direction > 0 ? at : previous;
    previous = at;
  }
  return direction > 0 ? text.length : previous;
}

/**
 * The words around the first match: starts at most `before` characters ahead of it and ends
 * within `length`, both cut at a space when there is one (never inside a word, a surrogate pair
 * or an emoji sequence), with "…" where text was left out. Whitespace runs become one space.
 * Null when the text has none of the words.
 */
export function cutSnippet(text: string, words: string[], { before = 8, length = 120 }: SnippetOptions = {}) {
  // Only what is not already a single space is replaced: the same text as `replace(/\s+/gu, " ")`
  // without rewriting every gap of a 2 KB transcript (35 µs per row).
  const flat = text.replace(/\s{2,}|[^\S ]/gu, " ").trim();
  const first = firstMatch(flat, words);
  if (!first) return null;
  const [at, matchEnd] = first;
  let start = 0;
  if (at > before) {
    // The first space at or ahead of the `before` characters before the match: the snippet starts on a word.
    const from = at - before - 1;
    const gap = flat.slice(from, at).search(WORD_GAP);
    start = gap >= 0 ? from + gap + 1 : safeCut(flat, at - before, 1);
  }
  let end = flat.length;
  if (end - start > length) {
    end = Math.max(matchEnd, start + length);
    // The last space before the limit, unless that would cut the match itself.
    const gap = flat.slice(matchEnd, end + 1).search(/\s\S*$/u);
    end = gap >= 0 ? matchEnd + gap : safeCut(flat, end, -1);
  }
  const body = flat.slice(start, end).trim();
  return `${start > 0 ? "…" : ""}${body}${end < flat.length ? "…" : ""}`;
}

/** A prefix tsquery over the words of a search box ("smile desi" → "smile:* & desi:*"); null when it has none. */
export function toPrefixTsQuery(text: string): string | null {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  return words.length > 0
    ? words
        .slice(0, 8)
        .map((word) => `${word}:*`)
        .join(" & ")
    : null;
}

/** Digits of a search that looks like part of a phone number. */
export function phoneDigits(text: string): string | null {
  const digits = text.replace(/[^\d]/g, "");
  return digits.length >= 3 && /^[\d\s()+.-]+$/.test(text) ? digits : null;
}

/** Escapes LIKE wildcards in user text. */
export function likeEscape(text: string): string {
  return text.replace(/[\\%_]/g, (char) => `\\${char}`);
}

"use client";

import { createContext, type ReactNode, useContext } from "react";
import { matchRanges } from "@/lib/search/snippet";

/** The words of the search the open thread was found by ([] without one): its texts mark them. */
const SearchWordsContext = createContext<string[]>([]);

export function SearchWordsProvider({ words, children }: { words: string[]; children: ReactNode }) {
  return <SearchWordsContext.Provider value={words}>{children}</SearchWordsContext.Provider>;
}

export function useSearchWords(): string[] {
  return useContext(SearchWordsContext);
}

/**
 * Text with the words a search found in <mark> (the same whole-word prefix match as the search:
 * lib/search/snippet.ts). `words` defaults to the thread's search words.
 */
export function HighlightedText({ text, words }: { text: string; words?: string[] }) {
  const fromContext = useSearchWords();
  const ranges = matchRanges(text, words ?? fromContext);
  if (ranges.length === 0) return <>{text}</>;
  const pieces: ReactNode[] = [];
  let at = 0;
  for (const [from, to] of ranges) {
    if (from > at) pieces.push(text.slice(at, from));
    pieces.push(
      <mark key={from} data-testid="search-mark" className="rounded-[2px] bg-mark px-px text-mark-text">
        {text.slice(from, to)}
      </mark>,
    );
    at = to;
  }
  if (at < text.length) pieces.push(text.slice(at));
  return <>{pieces}</>;
}

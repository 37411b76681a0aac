import type { ConversationSummary } from "@/components/inbox-data/api-types";
import { HighlightedText } from "@/components/ui/highlighted-text";

type SearchHit = NonNullable<ConversationSummary["searchHit"]>;

/** Where the words were found, when it is not a message's text (that is what a preview shows anyway). */
const PLACES: Record<SearchHit["where"], string | null> = {
  message: null,
  subject: "in subject",
  summary: "in call summary",
  transcript: "in transcript",
  note: "in note",
};

/** A search hit's words in their place, the matched ones marked: the row's preview while searching. */
export function SearchHitPreview({ hit, words }: { hit: SearchHit & { excerpt: string }; words: string[] }) {
  const place = PLACES[hit.where];
  return (
    <>
      {place && (
        <span className="font-medium text-text" data-testid="search-hit-place">
          {place}:{" "}
        </span>
      )}
      <HighlightedText text={hit.excerpt} words={words} />
    </>
  );
}

import type { ReactNode } from "react";
import { HighlightedText } from "@/components/ui/highlighted-text";

const URL_PATTERN = /(https?:\/\/[^\s<>"']+[^\s<>"'.,;:!?)\]])/gi;

/** Plain text with its http(s) links made clickable (never javascript: or other schemes), and a search's words marked. */
export function LinkifiedText({ text }: { text: string }) {
  // split() with a capturing group alternates text, link, text…; each piece is keyed by where it
  // starts in the text, which is stable for a given text.
  const pieces: ReactNode[] = [];
  let offset = 0;
  for (const [index, part] of text.split(URL_PATTERN).entries()) {
    pieces.push(
      index % 2 === 1 ? (
        <a key={offset} href={part} target="_blank" rel="noopener noreferrer nofollow" className="underline">
          {part}
        </a>
      ) : (
        <HighlightedText key={offset} text={part} />
      ),
    );
    offset += part.length;
  }
  return <p className="whitespace-pre-wrap break-words text-sm">{pieces}</p>;
}

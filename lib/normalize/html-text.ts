import { convert } from "html-to-text";

const looksLikeHtml = /<\/?[a-z][\s\S]*>/i;

/** Plain text of a message body for previews and search: HTML rendered to text, whitespace kept sane. */
export function bodyToText(body: string | null, contentType: string | null): string | null {
  if (!body) return null;
  const isHtml = contentType?.includes("html") || looksLikeHtml.test(body);
  const text = isHtml
    ? convert(body, {
        wordwrap: false,
        selectors: [
          { selector: "a", options: { ignoreHref: true } },
          { selector: "img", format: "skip" },
        ],
      })
    : body;
  return text.trim() || null;
}

/** One line for the conversation list. */
export function previewOf(text: string | null, max = 140): string | null {
  if (!text) return null;
  const line = text.replace(/\s+/g, " ").trim();
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

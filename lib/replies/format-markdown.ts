// The composer's formatting buttons as edits of the typed Markdown (browser-safe): what a button
// writes is what a person could have typed, so the email's plain-text part reads naturally.

export type Format = "bold" | "italic" | "link" | "list";

interface Edit {
  value: string;
  /** The selection after the edit. */
  start: number;
  end: number;
}

const wrap = (value: string, start: number, end: number, mark: string): Edit => {
  const selected = value.slice(start, end);
  return {
    value: `${value.slice(0, start)}${mark}${selected}${mark}${value.slice(end)}`,
    start: start + mark.length,
    end: end + mark.length,
  };
};

/** The text after one format is applied to the selection [start, end). */
export function applyFormat(value: string, start: number, end: number, format: Format): Edit {
  if (format === "bold") return wrap(value, start, end, "**");
  if (format === "italic") return wrap(value, start, end, "_");
  if (format === "link") {
    // The selection is the link's words; the address is left selected to type or paste over.
    const label = value.slice(start, end) || "link";
    const before = `${value.slice(0, start)}[${label}](`;
    const address = "https://";
    return {
      value: `${before}${address})${value.slice(end)}`,
      start: before.length,
      end: before.length + address.length,
    };
  }
  // A bulleted list: every line the selection touches becomes an item.
  const lineStart = value.lastIndexOf("\n", start - 1) + 1;
  const lines = value.slice(lineStart, end).split("\n");
  const listed = lines.map((line) => (line.startsWith("- ") ? line : `- ${line}`)).join("\n");
  const added = listed.length - (end - lineStart);
  return {
    value: `${value.slice(0, lineStart)}${listed}${value.slice(end)}`,
    start: start === end ? end + added : lineStart,
    end: end + added,
  };
}

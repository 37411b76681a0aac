// The log page shows a delivery as it came. Parsing and re-serialising would change it: big
// numbers lose digits, duplicate keys collapse, "\u0000" and other escapes are rewritten. So the
// text is only re-indented, token by token, with the layout JSON.stringify(value, null, 2) has.

function isSpace(char: string | undefined): boolean {
  return char === " " || char === "\t" || char === "\n" || char === "\r";
}

/** Valid JSON text, re-indented; strings, numbers and keys stay exactly as written. */
export function indentJson(text: string, indent = "  "): string {
  const out: string[] = [];
  let depth = 0;
  const newline = () => out.push("\n", indent.repeat(depth));
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (char === '"') {
      const start = i;
      for (i++; i < text.length && text[i] !== '"'; i++) if (text[i] === "\\") i++;
      out.push(text.slice(start, i + 1));
    } else if (char === "{" || char === "[") {
      let next = i + 1;
      while (isSpace(text[next])) next++;
      if (text[next] === (char === "{" ? "}" : "]")) {
        out.push(char, text[next]!); // an empty container stays on one line, as JSON.stringify writes it
        i = next;
      } else {
        out.push(char);
        depth++;
        newline();
      }
    } else if (char === "}" || char === "]") {
      depth--;
      newline();
      out.push(char);
    } else if (char === ",") {
      out.push(",");
      newline();
    } else if (char === ":") out.push(": ");
    else if (!isSpace(char)) out.push(char);
  }
  return out.join("");
}

/** A stored body for people to read: indented JSON, or (not JSON at all) its text as is. */
export function readablePayload(rawBody: Uint8Array): { payload: string; payloadIsJson: boolean } {
  const text = Buffer.from(rawBody).toString("utf8");
  try {
    JSON.parse(text);
  } catch {
    return { payload: text, payloadIsJson: false };
  }
  return { payload: indentJson(text), payloadIsJson: true };
}

import { HttpError } from "@/lib/http/errors";
import { parseJsonText } from "@/lib/http/read-body";

// A delivery is stored as the bytes the provider signed, whatever they hold. Only what cannot
// be a payload at all is refused at the door: no JSON, or JSON nested so deep that walking it
// would exhaust a stack somewhere (ours, zod's, PostgreSQL's).

export const MAX_JSON_DEPTH = 256;

/** The deepest nesting of arrays and objects in a JSON text, counted without parsing it. */
export function jsonDepth(text: string, stopAbove = Infinity): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (inString) {
      if (code === 92 /* \ */) i++;
      else if (code === 34 /* " */) inString = false;
    } else if (code === 34) inString = true;
    else if (code === 91 /* [ */ || code === 123 /* { */) {
      depth++;
      if (depth > deepest) deepest = depth;
      if (deepest > stopAbove) return deepest;
    } else if (code === 93 /* ] */ || code === 125 /* } */) depth--;
  }
  return deepest;
}

/** Parses a delivery's body for the ack path, or answers 400 saying why. */
export function parseDeliveryBody(body: Buffer): unknown {
  const text = body.toString("utf8");
  if (jsonDepth(text, MAX_JSON_DEPTH) > MAX_JSON_DEPTH) {
    throw new HttpError(400, `body is JSON nested deeper than ${MAX_JSON_DEPTH} levels`);
  }
  return parseJsonText(text);
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text PostgreSQL will store: NUL removed, lone surrogates replaced by U+FFFD. */
export function storableText(value: string): string {
  return value.replaceAll("\u0000", "").replace(LONE_SURROGATE, "\uFFFD");
}

/** A stored delivery read back for processing: every string made storable, keys included. */
export function readStoredDelivery(rawBody: Uint8Array): unknown {
  const text = Buffer.from(rawBody).toString("utf8");
  return JSON.parse(text, (_key: string, value: unknown) => {
    if (typeof value === "string") return storableText(value);
    if (value && typeof value === "object" && !Array.isArray(value)) {
      const record = value as Record<string, unknown>;
      for (const name of Object.keys(record)) {
        const clean = storableText(name);
        if (clean !== name) {
          record[clean] = record[name];
          delete record[name];
        }
      }
    }
    return value;
  });
}

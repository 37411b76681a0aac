// Structured one-line logs. Callers pass ids and error messages, never payloads: webhook
// bodies hold customers' names, numbers and messages.
//
// Some of what is logged was typed by someone else (a callbackURL Better Auth refuses, an error
// quoting input). JSON keeps each entry on one line, but a reader that decodes it and prints the
// text (a log viewer, `jq -r`) would still print a CR/LF or a Unicode line separator as a break,
// and a terminal would run an escape sequence: so every control character in every key and value,
// however nested, is written as visible text ("\n", "\u2028") before the entry is encoded.

export type LogValue = string | number | boolean | null | undefined | LogValue[] | { [key: string]: LogValue };
type Fields = Record<string, LogValue>;

/** C0 and C1 controls (CR, LF, ESC, NEL …), and the Unicode line and paragraph separators. */
const CONTROL = /[\p{Cc}\u2028\u2029]/gu;
/** Deeper than any field we log: beyond it a value is cut, never walked without end. */
const MAX_DEPTH = 8;

const SHORT: Record<string, string> = { "\n": "\\n", "\r": "\\r", "\t": "\\t" };

export const escapeControl = (text: string): string =>
  text.replace(CONTROL, (c) => SHORT[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);

function escapeValue(value: LogValue, depth: number): LogValue {
  if (typeof value === "string") return escapeControl(value);
  if (value === null || typeof value !== "object") return value;
  if (depth >= MAX_DEPTH) return "[nested too deep]";
  if (Array.isArray(value)) return value.map((item) => escapeValue(item, depth + 1));
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => [escapeControl(key), escapeValue(item, depth + 1)]),
  );
}

function write(level: "info" | "warn" | "error", message: string, fields: Fields = {}) {
  if (process.env.THREADLINE_QUIET_LOGS === "1" && level !== "error") return;
  const fixed = { time: new Date().toISOString(), level, message };
  // time, level and message first, and never replaced by a field of the same name.
  const line = JSON.stringify(escapeValue(Object.assign({ ...fixed }, fields, fixed), 0));
  (level === "info" ? console.log : console.error)(line);
}

export const logger = {
  info: (message: string, fields?: Fields) => write("info", message, fields),
  warn: (message: string, fields?: Fields) => write("warn", message, fields),
  error: (message: string, fields?: Fields) => write("error", message, fields),
};

/** Anything (an error, an object from a library) as a loggable value: errors by message, the rest by shape. */
export function toLogValue(value: unknown, depth = 0): LogValue {
  if (value === null || value === undefined) return value;
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  if (value instanceof Error) return value.message;
  if (depth >= MAX_DEPTH) return "[nested too deep]";
  if (Array.isArray(value)) return value.map((item) => toLogValue(item, depth + 1));
  if (typeof value === "object")
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, toLogValue(item, depth + 1)]));
  return String(value);
}

// CSV for every export (browser-safe: the reports page builds its downloads with it). One place
// decides what a cell may start with, so no export forgets a case (#25, 12).

export type CsvValue = string | number | null;

/**
 * Characters that make a spreadsheet read a cell as a formula, or shift what follows into one:
 * OWASP's list (= + - @ TAB CR) and LF, which ends the line a cell seems to start. Text beginning
 * with one gets a leading apostrophe, which spreadsheets show as text and do not display.
 */
const FORMULA_START = /^[=+\-@\t\r\n]/;

/** `text` as a spreadsheet will show it and never evaluate it. */
export function spreadsheetSafe(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** One field: text guarded, then quoted when it holds a quote, comma or line break. Numbers are data, never formulas. */
export function csvField(value: CsvValue): string {
  const text = value === null ? "" : typeof value === "string" ? spreadsheetSafe(value) : String(value);
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** Rows as CSV lines joined by CRLF (RFC 4180), the first row usually the header. */
export function toCsv(rows: readonly (readonly CsvValue[])[]): string {
  return rows.map((row) => row.map(csvField).join(",")).join("\r\n");
}

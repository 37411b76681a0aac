import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { logger } from "./logger";

// Issue #25, finding 11: whatever a caller passes (a callbackURL someone typed, an error message
// quoting input) cannot forge a log line or hide text: control characters are escaped in every
// key and value, nested ones too, so each entry stays one line and reads back without them.

const CONTROL = /[\p{Cc}\u2028\u2029]/u;
const FORGED = '/x\r\n{"time":"2026-01-01T00:00:00.000Z","level":"info","message":"admin signed in"}';

let printed: string[] = [];
beforeEach(() => {
  printed = [];
  vi.stubEnv("THREADLINE_QUIET_LOGS", "");
  const capture = (...args: unknown[]) => {
    printed.push(args.map(String).join(" "));
  };
  vi.spyOn(console, "log").mockImplementation(capture);
  vi.spyOn(console, "error").mockImplementation(capture);
  vi.spyOn(console, "warn").mockImplementation(capture);
});
afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
});

/** Every string in a parsed entry, keys included. */
function strings(value: unknown): string[] {
  if (typeof value === "string") return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value && typeof value === "object") return Object.entries(value).flatMap(([k, v]) => [k, ...strings(v)]);
  return [];
}

describe("logger", () => {
  it("escapes control characters in the message, keys and values, however deeply nested", () => {
    logger.warn(`bad callback ${FORGED}`, {
      callbackURL: FORGED,
      "key\nwith\u2028break": "tab\there\u0085nel\u001b[31mred",
      nested: { list: ["a\rb", { deep: "c\u2029d\u0000" }], count: 3, ok: true, none: null },
    });
    expect(printed).toHaveLength(1);
    const [line] = printed;
    expect(line).not.toMatch(CONTROL);
    const entry = JSON.parse(line!) as Record<string, unknown>;
    for (const text of strings(entry)) expect(text, JSON.stringify(text)).not.toMatch(CONTROL);
    expect(entry.callbackURL).toBe(
      String.raw`/x\r\n{"time":"2026-01-01T00:00:00.000Z","level":"info","message":"admin signed in"}`,
    );
    expect(entry).toMatchObject({ level: "warn", nested: { count: 3, ok: true, none: null } });
    expect(Object.keys(entry)).toContain(String.raw`key\nwith\u2028break`);
  });

  it("keeps ordinary text as it is", () => {
    logger.info("mail: outbox drained", { sent: 2, kind: "password_reset", who: "Zoë <z@corp.test>" });
    expect(JSON.parse(printed[0]!)).toMatchObject({
      message: "mail: outbox drained",
      sent: 2,
      who: "Zoë <z@corp.test>",
    });
  });
});

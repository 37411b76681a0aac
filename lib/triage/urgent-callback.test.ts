import { describe, expect, it } from "vitest";
import { callbackDueAt, endOfBusinessDay } from "./urgent-callback";

// What in a Voice AI report owes a callback, and by when (docs/triage-rules.md).

const at = new Date("2026-03-10T14:20:00Z");
const report = (fields: Partial<{ summary: string; transcript: string; extractedData: Record<string, unknown> }>) => ({
  summary: fields.summary ?? null,
  transcript: fields.transcript ?? null,
  extractedData: fields.extractedData ?? null,
});
const due = (r: ReturnType<typeof report>, sla = 120, zone = "UTC") => callbackDueAt(r, at, sla, zone)?.toISOString();

describe("urgent Voice AI calls and promised callbacks", () => {
  it("a promise within the hour is due an hour after the call", () => {
    const lena = report({
      transcript: "How can I help today?\nI'll flag this as urgent; the front desk will call you back within the hour.",
      extractedData: { urgency: "High" },
    });
    expect(due(lena)).toBe("2026-03-10T15:20:00.000Z");
  });

  it("a stated number of minutes or hours, or today (17:00 in the business time zone)", () => {
    expect(due(report({ summary: "Agent said we will call you back within 30 minutes." }))).toBe(
      "2026-03-10T14:50:00.000Z",
    );
    expect(due(report({ summary: "We'll call you back within two hours." }))).toBe("2026-03-10T16:20:00.000Z");
    expect(due(report({ summary: "Caller asked for a callback today." }))).toBe("2026-03-10T17:00:00.000Z");
    // 17:00 in New York (EDT, UTC-4, on March 10 2026) is 21:00 UTC.
    expect(due(report({ summary: "Caller asked for a callback today." }), 120, "America/New_York")).toBe(
      "2026-03-10T21:00:00.000Z",
    );
    expect(endOfBusinessDay(new Date("2026-03-10T18:00:00Z"), "UTC").toISOString()).toBe("2026-03-10T17:00:00.000Z");
    // Past closing time "today" falls back to the SLA.
    expect(callbackDueAt(report({ summary: "callback today" }), new Date("2026-03-10T18:00:00Z"), 90, "UTC")).toEqual(
      new Date("2026-03-10T19:30:00Z"),
    );
  });

  it("urgency alone, or a promise with no time, is due by the account's SLA", () => {
    expect(due(report({ extractedData: { urgency: "High" } }), 45)).toBe("2026-03-10T15:05:00.000Z");
    expect(due(report({ extractedData: { priority: "urgent" } }))).toBe("2026-03-10T16:20:00.000Z");
    expect(due(report({ extractedData: { outcome: "Callback requested" } }))).toBe("2026-03-10T16:20:00.000Z");
    expect(due(report({ summary: "Le llamaremos pronto." }))).toBe("2026-03-10T16:20:00.000Z");
  });

  it("a call that was neither urgent nor promised anything owes nothing", () => {
    expect(
      due(report({ summary: "Booked a cleaning. How can I help today?", extractedData: { urgency: "Low" } })),
    ).toBe(undefined);
    expect(due(report({ transcript: "human: I'll call back later if I need to." }))).toBe(undefined);
  });
});

import { describe, expect, it } from "vitest";
import { formatSendTime, fromZonedInput, sendAtProblem, sendLaterPresets } from "./send-later";

// Send later's times are wall-clock times in the account's zone, whatever zone this machine is in,
// across the days clocks change.

const at = (iso: string) => new Date(iso);

describe("presets", () => {
  it("Tomorrow 8:00 and Monday 8:00 are 8:00 there, also across a clock change (Berlin, spring)", () => {
    // Saturday 28 March 2026, noon in Berlin; clocks go forward that night.
    const presets = sendLaterPresets(at("2026-03-28T11:00:00Z"), "Europe/Berlin");
    expect(presets.map((p) => [p.label, p.at.toISOString()])).toEqual([
      ["Tomorrow 8:00", "2026-03-29T06:00:00.000Z"],
      ["Monday 8:00", "2026-03-30T06:00:00.000Z"],
    ]);
  });

  it("late on Saturday evening in New York the day is still Saturday there (autumn clock change)", () => {
    // 23:00 EDT on Saturday 31 October 2026 is already Sunday in UTC.
    const presets = sendLaterPresets(at("2026-11-01T03:00:00Z"), "America/New_York");
    expect(presets.map((p) => p.at.toISOString())).toEqual(["2026-11-01T13:00:00.000Z", "2026-11-02T13:00:00.000Z"]);
  });

  it("on a Sunday, Monday is tomorrow: one preset", () => {
    expect(sendLaterPresets(at("2026-12-06T10:00:00Z"), "UTC").map((p) => p.label)).toEqual(["Tomorrow 8:00"]);
  });
});

describe("a date and time typed in", () => {
  it("is read in the zone given", () => {
    expect(fromZonedInput("2026-12-08T08:00", "Asia/Kolkata")?.toISOString()).toBe("2026-12-08T02:30:00.000Z");
    expect(fromZonedInput("2026-07-01T08:00", "America/New_York")?.toISOString()).toBe("2026-07-01T12:00:00.000Z");
    // The hour clocks skip reads as an hour on; the hour they repeat as its first time.
    expect(fromZonedInput("2026-03-08T02:30", "America/New_York")?.toISOString()).toBe("2026-03-08T07:30:00.000Z");
    expect(fromZonedInput("2026-11-01T01:30", "America/New_York")?.toISOString()).toBe("2026-11-01T05:30:00.000Z");
  });

  it.each(["", "2026-12-08", "2026-13-01T08:00", "08:00", "2026-12-08T25:00"])("%j is not a time", (value) => {
    expect(fromZonedInput(value, "UTC")).toBeNull();
  });

  it("shows in the zone given", () => {
    expect(formatSendTime(at("2026-12-08T07:00:00Z"), "Europe/Berlin", at("2026-12-06T00:00:00Z"))).toBe(
      "Tue, Dec 8, 8:00 AM",
    );
    expect(formatSendTime(at("2027-01-04T13:00:00Z"), "America/New_York", at("2026-12-06T00:00:00Z"))).toBe(
      "Mon, Jan 4, 2027, 8:00 AM",
    );
  });
});

describe("what may be scheduled", () => {
  const now = at("2026-12-06T12:00:00Z");
  it("from just after now to a year ahead", () => {
    expect(sendAtProblem(at("2026-12-06T12:00:01Z"), now)).toBeNull();
    expect(sendAtProblem(at("2027-12-06T12:00:00Z"), now)).toBeNull();
    expect(sendAtProblem(now, now)).toMatch(/passed/);
    expect(sendAtProblem(at("2027-12-06T12:00:01Z"), now)).toMatch(/more than a year/);
    expect(sendAtProblem(new Date(Number.NaN), now)).toMatch(/Pick/);
  });
});

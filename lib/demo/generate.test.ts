import { describe, expect, it } from "vitest";
import { durationFromName } from "@/lib/media/tone-wav";
import { generateDemoEvents } from "./generate";

// Issue #12: an answered call of 2:54 came with a 1:00 recording.
describe("demo calls", () => {
  it("every recording is as long as the call it belongs to", () => {
    const withRecordings = generateDemoEvents(Date.UTC(2026, 10, 23))
      .map(({ payload }) => payload)
      .filter((payload) => Array.isArray(payload.attachments) && String(payload.attachments[0]).endsWith(".wav"));
    expect(withRecordings.length).toBeGreaterThan(10);
    for (const payload of withRecordings) {
      const name = String((payload.attachments as string[])[0])
        .split("/")
        .pop()!;
      expect(durationFromName(name)).toBe(payload.callDuration);
    }
  });
});

import { describe, expect, it } from "vitest";
import { estimatedSentenceTimes } from "./estimated-sentence-times";

const sentence = (text: string, startMs: number | null = null) => ({
  speaker: "Caller",
  startMs,
  endMs: startMs === null ? null : startMs + 1000,
  text,
  confidence: null,
});

describe("estimatedSentenceTimes", () => {
  it("spreads untimed turns over the call by their length, end to end", () => {
    const times = estimatedSentenceTimes([sentence("a".repeat(10)), sentence("b".repeat(30))], 40_000);
    expect(times.map((s) => [s.startMs, s.endMs])).toEqual([
      [0, 10_000],
      [10_000, 40_000],
    ]);
  });

  it("counts an emoji as one character", () => {
    const times = estimatedSentenceTimes([sentence("👍👍"), sentence("ok")], 4_000);
    expect(times.map((s) => s.startMs)).toEqual([0, 2_000]);
  });

  it("leaves timed transcripts, and calls of unknown length, as they are", () => {
    const timed = [sentence("hello", 0), sentence("there", 1_000)];
    expect(estimatedSentenceTimes(timed, 40_000)).toBe(timed);
    const untimed = [sentence("hello")];
    expect(estimatedSentenceTimes(untimed, null)).toBe(untimed);
    expect(estimatedSentenceTimes(untimed, 0)).toBe(untimed);
  });
});

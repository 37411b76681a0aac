import { describe, expect, it } from "vitest";
import { demoTranscripts } from "./call-stories";
import { generateDemoEvents } from "./generate";

describe("the demo's calls, notes, tasks and appointments", () => {
  const events = generateDemoEvents(Date.UTC(2026, 10, 23));
  const types = events.map((event) => String(event.payload.type));
  const count = (type: string) => types.filter((t) => t === type).length;

  it("has Voice AI reports (some alone), notes, tasks and appointments across customers", () => {
    const reports = events.filter((event) => event.payload.type === "VoiceAiCallEnd");
    expect(reports.length).toBeGreaterThan(5);
    expect(reports.some((report) => report.payload.messageId === undefined)).toBe(true);
    for (const type of ["NoteCreate", "TaskCreate", "AppointmentCreate", "AppointmentUpdate"])
      expect(count(type), type).toBeGreaterThan(2);
    const customers = new Set(reports.map((report) => report.payload.contactId));
    expect(customers.size).toBe(reports.length);
  });

  it("transcripts of recorded calls fit inside their recordings, in order", () => {
    const transcripts = demoTranscripts(events);
    expect(transcripts.length).toBeGreaterThan(3);
    const seconds = new Map(events.map(({ payload }) => [payload.messageId, Number(payload.callDuration)]));
    for (const { messageExternalId, sentences } of transcripts) {
      expect(sentences[0]?.startMs).toBeGreaterThanOrEqual(0);
      expect(sentences.at(-1)?.endMs).toBeLessThan(seconds.get(messageExternalId)! * 1000);
      for (let i = 1; i < sentences.length; i++)
        expect(sentences[i]!.startMs!).toBeGreaterThan(sentences[i - 1]!.endMs!);
    }
  });
});

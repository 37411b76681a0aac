import { describe, expect, it } from "vitest";
import { CALL_OUTCOME_LABELS, CALL_OUTCOMES } from "@/lib/vocabulary";
import { messagePreview } from "./message-preview";

const call = { channel: "call", subject: null, bodyText: null, attachmentCount: 0 } as const;

describe("list previews (issue #12)", () => {
  it("name a call's outcome in the thread's words, capitalised", () => {
    expect(messagePreview({ ...call, direction: "outbound", callOutcome: "answered" })).toBe(
      "Outbound call · Answered",
    );
    expect(messagePreview({ ...call, direction: "inbound", callOutcome: "no_answer" })).toBe("Inbound call · Missed");
    expect(messagePreview({ ...call, direction: "inbound", callOutcome: "busy" })).toBe("Inbound call · Busy");
    expect(messagePreview({ ...call, direction: "inbound", callOutcome: "voicemail" })).toBe(
      "Inbound call · Voicemail",
    );
    expect(messagePreview({ ...call, direction: "inbound", callOutcome: "unknown" })).toBe("Inbound call");
  });

  it("the five outcomes a person sees are answered, missed, busy, voicemail, failed", () => {
    const labels = CALL_OUTCOMES.map((outcome) => CALL_OUTCOME_LABELS[outcome]).filter(Boolean);
    expect(labels).toEqual(expect.arrayContaining(["Answered", "Missed", "Busy", "Voicemail", "Failed"]));
    for (const label of labels) expect(label[0]).toBe(label[0]!.toUpperCase());
  });

  it("prefer the subject and text; bare attachments are counted", () => {
    const base = { channel: "email", direction: "inbound", callOutcome: null, attachmentCount: 0 } as const;
    expect(messagePreview({ ...base, subject: "Hi", bodyText: "there\n\nfriend" })).toBe("Hi — there friend");
    expect(messagePreview({ ...base, channel: "sms", subject: null, bodyText: null, attachmentCount: 2 })).toBe(
      "2 attachments",
    );
  });
});

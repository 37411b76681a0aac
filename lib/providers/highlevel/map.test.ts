import { describe, expect, it } from "vitest";
import type { IngestOperation, MessageFacts } from "@/lib/providers/contract";
import { loadFixture } from "@/lib/testing/fixtures";
import { highLevel } from "./index";

// HighLevel's example payloads through the adapter alone: what each one means for our model.

function messageOf(name: string): MessageFacts {
  const mapped = highLevel.map(loadFixture(name));
  const operation = mapped?.operations.find(
    (op): op is Extract<IngestOperation, { kind: "message" }> => op.kind === "message",
  );
  if (!operation) throw new Error(`${name} mapped to no message`);
  return operation.message;
}

describe("HighLevel message mapping", () => {
  it.each([
    ["highlevel-inbound-sms", "sms", "inbound", null],
    ["highlevel-outbound-sms", "sms", "inbound", null], // says OutboundMessage, direction inbound: direction wins
    ["highlevel-inbound-call", "call", "inbound", "answered"],
    ["highlevel-outbound-call", "call", "outbound", "answered"],
    ["highlevel-inbound-call-voicemail", "call", "inbound", "voicemail"],
    ["highlevel-outbound-voicemail", "voicemail", "outbound", "voicemail"],
    ["highlevel-inbound-email", "email", "inbound", null],
    ["highlevel-outbound-email", "email", "outbound", null],
  ])("%s → %s, %s, call outcome %s", (name, channel, direction, outcome) => {
    const message = messageOf(name);
    expect(message).toMatchObject({ channel, direction });
    expect(message.call?.outcome ?? null).toBe(outcome);
  });

  it("a missed call's 0 seconds is no duration (issue #12: no 0:00 on a missed call)", () => {
    const mapped = highLevel.map({
      type: "InboundMessage",
      locationId: "loc",
      contactId: "c",
      conversationId: "conv",
      messageId: "m",
      messageType: "CALL",
      direction: "inbound",
      status: "completed",
      callStatus: "no-answer",
      callDuration: 0,
    });
    const message = mapped?.operations.find((op) => op.kind === "message");
    expect(message?.kind === "message" && message.message.call).toEqual({
      durationSeconds: null,
      outcome: "no_answer",
    });
  });

  it("a call's recording is a recording, a voicemail's a voicemail; email addresses are split", () => {
    expect(messageOf("highlevel-outbound-call").attachments).toEqual([
      { url: "call recording url", kind: "recording" },
    ]);
    expect(messageOf("highlevel-inbound-call-voicemail").attachments[0]?.kind).toBe("voicemail");
    expect(messageOf("highlevel-outbound-email").email).toMatchObject({
      from: "Internal Notify <sample@email.service>",
      to: ["example@email.com"],
    });
  });

  it("an event type we do not use maps to nothing; a message without its conversation fails its schema", () => {
    expect(highLevel.map({ type: "AppInstall", locationId: "l" })).toBeNull();
    expect(() => highLevel.map({ type: "InboundMessage", locationId: "l", messageType: "SMS" })).toThrow(
      /conversationId/,
    );
  });
});

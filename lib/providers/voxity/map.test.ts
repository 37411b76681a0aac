import { describe, expect, it } from "vitest";
import { loadFixture } from "@/lib/testing/fixtures";
import { voxity } from "./index";

// Voxity's example event through the adapter alone: a message carries its history, its
// customer and their opportunities.

describe("Voxity mapping", () => {
  it("sms.message.added becomes the customer, the opportunity and the conversation's 5 messages", () => {
    const mapped = voxity.map(loadFixture("voxity-sms-message-added"));
    expect(mapped?.account.provider).toBe("voxity");
    const kinds = mapped?.operations.map((op) => op.kind) ?? [];
    expect(kinds.filter((kind) => kind === "message")).toHaveLength(5);
    expect(kinds).toContain("customer");
    expect(kinds).toContain("opportunity");
  });

  it("the envelope's dedupe key carries the agent, so agents cannot collide on event ids", () => {
    const event = loadFixture<{ id: string; agentId: string }>("voxity-sms-message-added");
    expect(voxity.envelope(event).dedupeKey).toBe(`event:${event.agentId}:${event.id}`);
    expect(voxity.envelope({ ...event, agentId: "another" }).dedupeKey).not.toBe(voxity.envelope(event).dedupeKey);
  });
});

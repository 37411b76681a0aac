import { beforeEach, describe, expect, it } from "vitest";
import { accountIdOf, createSignedInUser } from "@/lib/testing/auth";
import { resetDatabase } from "@/lib/testing/database";
import { highLevelMessage } from "@/lib/testing/highlevel-payloads";
import { conversationMessages, listConversations } from "@/lib/testing/read-api";
import { postWebhook } from "@/lib/testing/webhooks";

// Search finds words said in calls (transcripts) and their summaries through the existing
// per-word plan, answers which message matched (the thread opens at that call), and stays
// within the viewer's accounts.

beforeEach(async () => {
  await resetDatabase();
  for (const location of ["loc-clinic", "loc-bakery"]) {
    await postWebhook(
      "highlevel",
      highLevelMessage({
        locationId: location,
        conversationId: `conv-${location}`,
        body: "hello",
        dateAdded: "2025-01-01T10:00:00Z",
      }),
    );
    await postWebhook("highlevel", {
      type: "VoiceAiCallEnd",
      id: `vai-${location}`,
      locationId: location,
      contactId: "contact-1",
      messageId: `call-${location}`,
      createdAt: "2025-01-01T11:00:00Z",
      duration: 60,
      summary: "Asked about whitening prices.",
      transcript: "bot: How can I help?\nhuman: My molar aches since Sunday.",
    });
    // A later message, so the call is not the conversation's newest.
    await postWebhook(
      "highlevel",
      highLevelMessage({
        locationId: location,
        conversationId: `conv-${location}`,
        body: "thanks, see you",
        dateAdded: "2025-01-01T12:00:00Z",
      }),
    );
  }
});

describe("search in calls", () => {
  it.each([
    ["q=molar", "My molar aches since Sunday.", "transcript"],
    ["q=whiten", "about whitening prices.", "summary"],
    ["q=molar%20sunday", "My molar aches since Sunday.", "transcript"],
  ])("%s finds the call and names it as the hit, with the words around it", async (query, said, where) => {
    const { status, body } = await listConversations(query);
    expect(status).toBe(200);
    expect(body.conversations.map((c) => c.externalId).sort()).toEqual(["conv-loc-bakery", "conv-loc-clinic"]);
    for (const conversation of body.conversations) {
      const hit = conversation.searchHit;
      expect(hit?.excerpt).toContain(said);
      expect(hit?.where).toBe(where);
      const { body: thread } = await conversationMessages(conversation.id);
      const call = thread.messages.find((m) => m.id === hit?.messageId);
      expect(call?.channel).toBe("call");
      expect(call?.externalId).toMatch(/^call-loc-/);
    }
  });

  it("a hit in an ordinary message names that message, with the words around it", async () => {
    const { body } = await listConversations("q=thanks");
    expect(body.conversations).toHaveLength(2);
    expect(body.conversations[0]?.searchHit).toEqual({
      messageId: expect.any(String),
      where: "message",
      excerpt: "thanks, see you",
    });
  });

  it("a word said in another account's call is not found", async () => {
    const member = await createSignedInUser({
      accounts: [{ accountId: await accountIdOf("highlevel", "loc-clinic") }],
    });
    const { body } = await listConversations("q=molar", member.headers);
    expect(body.conversations.map((c) => c.externalId)).toEqual(["conv-loc-clinic"]);
  });

  it("a word nobody said finds nothing", async () => {
    expect((await listConversations("q=orthodontics")).body.conversations).toEqual([]);
  });
});

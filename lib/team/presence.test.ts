import { beforeEach, describe, expect, it } from "vitest";
import { issueApiToken } from "@/lib/access/api-tokens/api-tokens";
import { getPrisma } from "@/lib/db";
import { subscribeToConversationChanges } from "@/lib/live/bus";
import { resetDatabase } from "@/lib/testing/database";
import { anaAndBenOnOneConversation } from "@/lib/testing/team";
import { highLevelMessage } from "@/lib/testing/highlevel-payloads";
import { conversationByExternalId } from "@/lib/testing/read-api";
import { leavePresence, presence } from "@/lib/testing/team-api";
import { postWebhook } from "@/lib/testing/webhooks";
import { PRESENCE_TTL_SECONDS } from "./presence";

// Collision warnings (issue #24 item 5) on the server: each open page's heartbeat says whether its
// person is typing and hears who else is there; arriving, typing and leaving nudge the others'
// pages over the live channel; a page that stops beating is gone after the TTL.

beforeEach(resetDatabase);

async function twoPeopleOnOneConversation() {
  const { accountId, ana, ben, conversationId } = await anaAndBenOnOneConversation();
  return { accountId, ana, ben, id: conversationId };
}

function presenceNudges() {
  const events: string[] = [];
  const unsubscribe = subscribeToConversationChanges(({ sse }) => events.push(new TextDecoder().decode(sse)));
  return { count: () => events.filter((text) => text.startsWith("event: presence")).length, unsubscribe };
}

describe("presence", () => {
  it("each page hears who else has the conversation open and who is typing; only changes nudge the others", async () => {
    const { ana, ben, id } = await twoPeopleOnOneConversation();
    const nudges = presenceNudges();
    expect((await presence(id, false, ana.headers)).body).toEqual({ others: [] });
    expect(nudges.count()).toBe(1); // Ana arrived
    expect((await presence(id, true, ben.headers)).body).toEqual({
      others: [{ id: ana.id, name: "Ana", typing: false }],
    });
    expect(nudges.count()).toBe(2); // Ben arrived, typing
    expect((await presence(id, false, ana.headers)).body).toEqual({
      others: [{ id: ben.id, name: "Ben", typing: true }],
    });
    expect(nudges.count()).toBe(2); // a plain beat changes nothing
    await presence(id, false, ben.headers);
    expect(nudges.count()).toBe(3); // Ben stopped typing
    expect((await leavePresence(id, ben.headers)).status).toBe(204);
    expect(nudges.count()).toBe(4);
    expect((await presence(id, false, ana.headers)).body).toEqual({ others: [] });
    nudges.unsubscribe();
  });

  it("a page that stops beating (a closed tab) is gone after the TTL", async () => {
    const { ana, ben, id } = await twoPeopleOnOneConversation();
    await presence(id, true, ben.headers);
    expect((await presence(id, false, ana.headers)).body.others).toHaveLength(1);
    await (await getPrisma()).conversationPresence.updateMany({
      where: { userId: ben.id },
      data: { seenAt: new Date(Date.now() - (PRESENCE_TTL_SECONDS + 1) * 1000) },
    });
    expect((await presence(id, false, ana.headers)).body.others).toEqual([]);
  });

  it("another account's conversation is not found; a token is refused; bad input is a 400", async () => {
    const { accountId, ana, id } = await twoPeopleOnOneConversation();
    await postWebhook("highlevel", highLevelMessage({ conversationId: "conv-x", locationId: "loc-other" }));
    const other = await conversationByExternalId("conv-x");
    expect((await presence(other.id, false, ana.headers)).status).toBe(404);
    const { token } = await issueApiToken(accountId, "crm");
    expect((await presence(id, false, { authorization: `Bearer ${token}` })).status).toBe(403);
    expect((await presence(id, "yes" as never, ana.headers)).status).toBe(400);
    expect(await (await getPrisma()).conversationPresence.count()).toBe(0);
  });
});

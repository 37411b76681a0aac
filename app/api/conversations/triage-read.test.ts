import { beforeEach, describe, expect, it } from "vitest";
import { issueApiToken } from "@/lib/access/api-tokens/api-tokens";
import { accountIdOf, createSignedInUser } from "@/lib/testing/auth";
import { resetDatabase } from "@/lib/testing/database";
import { highLevelMessage, TEST_LOCATION } from "@/lib/testing/highlevel-payloads";
import { conversationDetail, listConversations, type Credentials } from "@/lib/testing/read-api";
import { markRead, markUnread, viewCounts } from "@/lib/testing/triage-api";
import { postWebhook } from "@/lib/testing/webhooks";

// Read state per person (issue #13 item 1): one person opening a conversation does not read it
// for the others; HighLevel's "read" (ConversationUnreadUpdate) reads it for everyone up to then.

beforeEach(resetDatabase);

async function twoPeople() {
  await postWebhook("highlevel", highLevelMessage({ conversationId: "c-1" }));
  const accountId = await accountIdOf("highlevel", TEST_LOCATION);
  const ana = await createSignedInUser({ accounts: [{ accountId }] });
  const ben = await createSignedInUser({ accounts: [{ accountId }] });
  const [conversation] = (await listConversations("", ana.headers)).body.conversations;
  return { ana: ana.headers, ben: ben.headers, id: conversation!.id };
}

const unreadFor = async (as: Credentials, id: string) =>
  (await conversationDetail(id, as)).body.conversation.unreadCount;
const unreadView = async (as: Credentials) =>
  (await listConversations("view=unread", as)).body.conversations.map((c) => c.id);

describe("read state per person", () => {
  it("one person reads: read for them, still unread for the other; u makes it unread again for them only", async () => {
    const { ana, ben, id } = await twoPeople();
    expect([await unreadFor(ana, id), await unreadFor(ben, id)]).toEqual([1, 1]);

    expect((await markRead(id, ana)).status).toBe(200);
    expect([await unreadFor(ana, id), await unreadFor(ben, id)]).toEqual([0, 1]);
    expect(await unreadView(ana)).toEqual([]);
    expect(await unreadView(ben)).toEqual([id]);
    expect((await listConversations("unread=true", ben)).body.conversations).toHaveLength(1);
    expect([(await viewCounts(ana)).unread, (await viewCounts(ben)).unread]).toEqual([0, 1]);

    expect((await markUnread(id, ana)).status).toBe(200);
    expect(await unreadView(ana)).toEqual([id]);
    expect(await unreadFor(ana, id)).toBeGreaterThan(0);
    await markRead(id, ben);
    expect(await unreadView(ben)).toEqual([]);
    expect(await unreadView(ana)).toEqual([id]);
  });

  it("a later customer message is unread again for the person who read", async () => {
    const { ana, id } = await twoPeople();
    await markRead(id, ana);
    await postWebhook("highlevel", highLevelMessage({ conversationId: "c-1", dateAdded: inAMinute() }));
    expect(await unreadFor(ana, id)).toBe(1);
  });

  it("another account's conversation cannot be marked (404)", async () => {
    const { id } = await twoPeople();
    const stranger = await createSignedInUser();
    expect((await markRead(id, stranger.headers)).status).toBe(404);
    expect((await markUnread(id, stranger.headers)).status).toBe(404);
  });
});

const inAMinute = () => new Date(Date.now() + 60_000).toISOString();

describe("HighLevel ConversationUnreadUpdate", () => {
  const unreadUpdate = (unreadCount: number, webhookId: string) => ({
    type: "ConversationUnreadUpdate",
    locationId: TEST_LOCATION,
    id: "c-1",
    contactId: "contact-1",
    unreadCount,
    starred: false,
    deleted: false,
    webhookId,
  });

  it("read there is read for everyone here up to that moment; a later inbound message is unread again", async () => {
    const { ana, ben, id } = await twoPeople();
    await postWebhook("highlevel", unreadUpdate(0, "wh-read-1"));
    expect([await unreadFor(ana, id), await unreadFor(ben, id)]).toEqual([0, 0]);
    expect((await viewCounts(ben)).unread).toBe(0);

    await postWebhook("highlevel", highLevelMessage({ conversationId: "c-1", dateAdded: inAMinute() }));
    expect([await unreadFor(ana, id), await unreadFor(ben, id)]).toEqual([1, 1]);
    expect(await unreadView(ben)).toEqual([id]);
  });

  it("an API token (no person) sees HighLevel's read only; a person's read does not change it", async () => {
    const { ana, id } = await twoPeople();
    const issued = await issueApiToken(await accountIdOf("highlevel", TEST_LOCATION), "integration");
    const bearer = { authorization: `Bearer ${issued.token}` };
    await markRead(id, ana);
    expect(await unreadFor(bearer, id)).toBe(1);
    await postWebhook("highlevel", unreadUpdate(0, "wh-read-3"));
    expect(await unreadFor(bearer, id)).toBe(0);
    expect((await markRead(id, bearer)).status).toBe(403);
  });

  it("an unknown conversation is ignored, not created", async () => {
    await postWebhook("highlevel", highLevelMessage({ conversationId: "c-1" }));
    await postWebhook("highlevel", { ...unreadUpdate(0, "wh-read-2"), id: "c-unknown" });
    expect((await listConversations()).body.conversations.map((c) => c.externalId)).toEqual(["c-1"]);
  });
});

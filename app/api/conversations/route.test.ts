import { beforeEach, describe, expect, it } from "vitest";
import { resetDatabase } from "@/lib/testing/database";
import { conversationDetail, conversationMessages, listConversations } from "@/lib/testing/read-api";
import { postAllFixtures, postWebhook } from "@/lib/testing/webhooks";

beforeEach(resetDatabase);

const ids = (body: { conversations: Array<{ externalId: string }> }) =>
  body.conversations.map((c) => c.externalId).sort();

describe("GET /api/conversations over the fixtures", () => {
  beforeEach(postAllFixtures);

  it("lists every conversation, newest activity first, in the documented shape", async () => {
    const { status, body } = await listConversations();
    expect(status).toBe(200);
    expect(body.conversations).toHaveLength(6);
    const times = body.conversations.map((c) => c.lastMessageAt!);
    expect(times).toEqual([...times].sort().reverse());
    expect(body.conversations[0]).toMatchObject({
      externalId: "CH74bd2a0639244639b084643defe24d0a",
      provider: "voxity",
      customer: { id: expect.any(String), name: "S*** G***", phone: "+1561...", email: null },
      channels: ["sms"],
      lastMessage: {
        channel: "sms",
        direction: "outbound",
        preview: "Hola Como estas busco a gicela",
        createdAt: "2025-08-02T17:26:09.880Z",
      },
      unreadCount: 0,
    });
    expect(body.nextCursor).toBeNull();
  });

  it.each([
    ["channel=sms", ["CH74bd2a0639244639b084643defe24d0a", "fcanlLgpbQgQhderivVs"]],
    ["channel=call", ["SGDqZrzmwTA5P7LHkt9F", "SGDqZrzmwTr19d10aHkt9F"]],
    ["channel=voicemail", ["SGDqZrzmwTA5P7LHkt9F", "SGDqZrzmwTr5P7aHkt9F"]],
    ["channel=email", ["yCdNo6pwyTLYKgg6V2gj"]],
    ["channel=facebook", []],
    [
      "channel=sms&channel=email",
      ["CH74bd2a0639244639b084643defe24d0a", "fcanlLgpbQgQhderivVs", "yCdNo6pwyTLYKgg6V2gj"],
    ],
    ["channel=sms,email", ["CH74bd2a0639244639b084643defe24d0a", "fcanlLgpbQgQhderivVs", "yCdNo6pwyTLYKgg6V2gj"]],
    [
      "direction=inbound",
      ["SGDqZrzmwTA5P7LHkt9F", "SGDqZrzmwTr19d10aHkt9F", "fcanlLgpbQgQhderivVs", "yCdNo6pwyTLYKgg6V2gj"],
    ],
    [
      "direction=outbound",
      ["CH74bd2a0639244639b084643defe24d0a", "SGDqZrzmwTr19d10aHkt9F", "SGDqZrzmwTr5P7aHkt9F", "yCdNo6pwyTLYKgg6V2gj"],
    ],
    ["channel=sms&direction=outbound", ["CH74bd2a0639244639b084643defe24d0a"]],
    ["channel=voicemail&direction=inbound", ["SGDqZrzmwTA5P7LHkt9F"]],
    ["q=gicela", ["CH74bd2a0639244639b084643defe24d0a"]],
    ["q=Smile%20des", ["CH74bd2a0639244639b084643defe24d0a"]],
    ["q=order%20confirmed", ["yCdNo6pwyTLYKgg6V2gj"]],
    ["q=S***", ["CH74bd2a0639244639b084643defe24d0a"]],
    ["q=zzzz-nothing", []],
  ])("%s finds exactly the matching conversations", async (query, expected) => {
    const { status, body } = await listConversations(query);
    expect(status).toBe(200);
    expect(ids(body)).toEqual([...expected].sort());
  });

  it("pages with a keyset cursor without gaps or repeats", async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const { body } = await listConversations(`limit=2${cursor ? `&cursor=${cursor}` : ""}`);
      seen.push(...body.conversations.map((c) => c.id));
      cursor = body.nextCursor;
      pages++;
    } while (cursor);
    expect(pages).toBe(3);
    expect(new Set(seen).size).toBe(6);
  });
});

describe("search by customer details", () => {
  it("finds a customer by name, email and phone digits", async () => {
    await postWebhook("highlevel", {
      type: "InboundMessage",
      locationId: "l",
      contactId: "ct",
      conversationId: "cv",
      messageId: "m",
      messageType: "SMS",
      body: "x",
      dateAdded: "2025-01-01T00:00:00Z",
    });
    await postWebhook("highlevel", {
      type: "ContactUpdate",
      locationId: "l",
      id: "ct",
      firstName: "Lucía",
      lastName: "Fernández",
      email: "Lucia@Example.com",
      phone: "+1 415-555-2671",
    });
    for (const q of ["lucía", "FERNÁNDEZ", "lucia@example", "555-2671", "4155552671"]) {
      expect(ids((await listConversations(`q=${encodeURIComponent(q)}`)).body), q).toEqual(["cv"]);
    }
    expect(ids((await listConversations("q=%25")).body)).toEqual([]);
  });
});

describe("bad input", () => {
  it.each([
    ["channel=telegram", /channel/],
    ["direction=sideways", /direction/],
    ["limit=0", /limit/],
    ["limit=abc", /limit/],
    ["limit=100000", /limit/],
    ["cursor=garbage", /cursor/],
  ])("%s is 400 with the reason", async (query, reason) => {
    const { status, body } = await listConversations(query);
    expect(status).toBe(400);
    expect(body.error).toMatch(reason);
  });

  it("an unknown conversation id is 404 for detail and messages", async () => {
    expect((await conversationDetail("no-such-id")).status).toBe(404);
    const messages = await conversationMessages("no-such-id");
    expect(messages.status).toBe(404);
    expect(messages.body.error).toMatch(/not found/);
  });
});

describe("GET /api/conversations/:id/messages", () => {
  async function seedThread(count: number) {
    for (let i = 0; i < count; i++) {
      await postWebhook("highlevel", {
        type: i % 2 ? "OutboundMessage" : "InboundMessage",
        locationId: "l",
        contactId: "ct",
        conversationId: "long",
        messageId: `m-${i}`,
        messageType: "SMS",
        body: `message ${i}`,
        dateAdded: new Date(Date.UTC(2025, 0, 1, 0, i)).toISOString(),
      });
    }
    return (await listConversations()).body.conversations[0]!.id;
  }

  it("walks forward from the oldest, oldest first", async () => {
    const id = await seedThread(7);
    const first = await conversationMessages(id, "limit=3");
    expect(first.body.messages.map((m) => m.body)).toEqual(["message 0", "message 1", "message 2"]);
    const second = await conversationMessages(id, `limit=3&cursor=${first.body.nextCursor}`);
    expect(second.body.messages.map((m) => m.body)).toEqual(["message 3", "message 4", "message 5"]);
    const third = await conversationMessages(id, `limit=3&cursor=${second.body.nextCursor}`);
    expect(third.body.messages.map((m) => m.body)).toEqual(["message 6"]);
    expect(third.body.nextCursor).toBeNull();
  });

  it("with latest=true starts from the newest page and walks back", async () => {
    const id = await seedThread(7);
    const newest = await conversationMessages(id, "limit=3&latest=true");
    expect(newest.body.messages.map((m) => m.body)).toEqual(["message 4", "message 5", "message 6"]);
    const older = await conversationMessages(id, `limit=3&cursor=${newest.body.nextCursor}`);
    expect(older.body.messages.map((m) => m.body)).toEqual(["message 1", "message 2", "message 3"]);
    const oldest = await conversationMessages(id, `limit=3&cursor=${older.body.nextCursor}`);
    expect(oldest.body.messages.map((m) => m.body)).toEqual(["message 0"]);
    expect(oldest.body.nextCursor).toBeNull();
  });
});

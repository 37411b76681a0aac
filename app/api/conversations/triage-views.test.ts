import { beforeEach, describe, expect, it } from "vitest";
import { resetDatabase } from "@/lib/testing/database";
import { highLevelMessage } from "@/lib/testing/highlevel-payloads";
import { listConversations } from "@/lib/testing/read-api";
import { markDone, reopen, viewCounts } from "@/lib/testing/triage-api";
import { postWebhook } from "@/lib/testing/webhooks";
import { type ConversationChanges, subscribeToConversationChanges } from "@/lib/live/bus";

// Needs reply, Callbacks and Done (issue #13 items 2-5), from HighLevel deliveries through the
// worker to the list API, on whichever database the suite runs against.

beforeEach(resetDatabase);

const at = (minute: number) => new Date(Date.UTC(2025, 0, 1, 12, minute)).toISOString();

function message(conversationId: string, minute: number, overrides: Record<string, unknown> = {}) {
  return postWebhook("highlevel", highLevelMessage({ conversationId, dateAdded: at(minute), ...overrides }));
}
const outbound = { type: "OutboundMessage", direction: "outbound" };
const email = { messageType: "Email", subject: "Re: your order", ...outbound };
const call = (direction: "inbound" | "outbound", callStatus: string) => ({
  messageType: "CALL",
  direction,
  type: direction === "inbound" ? "InboundMessage" : "OutboundMessage",
  callStatus,
  body: null,
});

async function view(name: string) {
  const { status, body } = await listConversations(`view=${name}`);
  expect(status).toBe(200);
  return body.conversations;
}

describe("Needs reply", () => {
  it("lists conversations whose customer wrote last, longest wait first, waiting since the first unanswered message", async () => {
    await message("a", 10);
    await message("a", 12);
    await message("b", 5);
    const rows = await view("needs-reply");
    expect(rows.map((c) => [c.externalId, c.awaitingReplySince])).toEqual([
      ["b", at(5)],
      ["a", at(10)],
    ]);
  });

  it("a reply on another channel answers it (SMS in, email out); the next customer message starts a new wait", async () => {
    await message("a", 10);
    await message("a", 11, email);
    expect(await view("needs-reply")).toEqual([]);
    await message("a", 20);
    expect((await view("needs-reply")).map((c) => c.awaitingReplySince)).toEqual([at(20)]);
  });

  it("an answered inbound call answers it; a missed one does not", async () => {
    await message("a", 10);
    await message("a", 11, call("inbound", "no-answer"));
    expect(await view("needs-reply")).toHaveLength(1);
    await message("a", 12, call("inbound", "completed"));
    expect(await view("needs-reply")).toEqual([]);
  });

  it("is order-independent: a reply delivered late, after a newer customer message, is recomputed in", async () => {
    await message("a", 10);
    await message("a", 30);
    await message("a", 20, outbound); // older than the newest: recomputed from the messages
    expect((await view("needs-reply")).map((c) => c.awaitingReplySince)).toEqual([at(30)]);
    await message("a", 40, outbound);
    await message("a", 35); // a late customer message before the last reply stays answered
    expect(await view("needs-reply")).toEqual([]);
  });
});

describe("Callbacks", () => {
  it("a missed inbound call waits until an outbound call returns it", async () => {
    await message("a", 10, call("inbound", "no-answer"));
    const [row] = await view("callbacks");
    // Due by the account's callback SLA (2 h by default), not urgent: no Voice AI call made it so.
    expect(row?.callback).toEqual({ since: at(10), dueAt: at(130), urgent: false, recording: null, textedBack: false });
    expect(await view("needs-reply")).toEqual([]);
    await message("a", 15, call("outbound", "no-answer"));
    expect(await view("callbacks")).toEqual([]);
  });

  it("a voicemail texted back is still listed, marked texted, with its recording; oldest first", async () => {
    const recording = "https://example.com/voicemail-1.mp3";
    await message("vm", 10, { ...call("inbound", "voicemail"), attachments: [recording] });
    await message("vm", 12, { ...outbound, body: "Sorry we missed you, calling back soon" });
    await message("busy", 11, call("inbound", "busy"));
    const rows = await view("callbacks");
    expect(rows.map((c) => c.externalId)).toEqual(["vm", "busy"]);
    expect(rows[0]?.callback).toMatchObject({ since: at(10), textedBack: true, recording: { url: recording } });
    expect(rows[1]?.callback?.textedBack).toBe(false);
  });

  it("an answered inbound call returns an earlier missed one", async () => {
    await message("a", 10, call("inbound", "no-answer"));
    await message("a", 11, call("inbound", "completed"));
    expect(await view("callbacks")).toEqual([]);
  });
});

describe("Done", () => {
  it("leaves Needs reply and Callbacks until the customer writes again; open/done/all; reopen brings the wait back", async () => {
    await message("a", 10);
    await message("a", 11, call("inbound", "no-answer"));
    await message("b", 12);
    const [a] = (await listConversations("")).body.conversations.filter((c) => c.externalId === "a");
    expect((await markDone(a!.id)).status).toBe(200);

    expect((await view("needs-reply")).map((c) => c.externalId)).toEqual(["b"]);
    expect(await view("callbacks")).toEqual([]);
    expect((await view("done")).map((c) => c.externalId)).toEqual(["a"]);
    const ids = async (state: string) =>
      (await listConversations(`state=${state}`)).body.conversations.map((c) => c.externalId).sort();
    expect([await ids("open"), await ids("done"), await ids("all")]).toEqual([["b"], ["a"], ["a", "b"]]);
    expect(await viewCounts()).toEqual({
      all: 2,
      unread: 2,
      needsReply: 1,
      callbacks: 0,
      notDelivered: 0,
      done: 1,
      mine: 0,
      unassigned: 1,
      snoozed: 0,
      mentions: 0,
    });

    expect((await reopen(a!.id)).status).toBe(200);
    expect((await view("needs-reply")).map((c) => [c.externalId, c.awaitingReplySince])).toEqual([
      ["a", at(10)],
      ["b", at(12)],
    ]);
    await markDone(a!.id);

    // The customer writes again (after "done", which is now): open again, waiting since that message.
    const later = new Date(Date.now() + 60_000).toISOString();
    await postWebhook("highlevel", highLevelMessage({ conversationId: "a", dateAdded: later }));
    expect((await view("done")).map((c) => c.externalId)).toEqual([]);
    const waiting = await view("needs-reply");
    expect(waiting.map((c) => [c.externalId, c.awaitingReplySince, c.done])).toEqual([
      ["b", at(12), false],
      ["a", later, false],
    ]);
    expect(await viewCounts()).toMatchObject({ needsReply: 2, done: 0 });
  });

  it("done and reopen nudge live views (they are the whole account's)", async () => {
    await message("a", 10);
    const [row] = (await listConversations("")).body.conversations;
    const seen: ConversationChanges[] = [];
    // The bus is process-wide and, on PostgreSQL, relayed through NOTIFY: the nudge of the message
    // just stored (or of the previous test's worker) may arrive late. Only this conversation's nudges
    // count, and the count starts once the bus has been quiet for it, so each action must send its own.
    const unsubscribe = subscribeToConversationChanges((changes) => {
      if (changes.conversationIds.includes(row!.id)) seen.push(changes);
    });
    const settle = () => new Promise((resolve) => setTimeout(resolve, 500));
    try {
      await settle();
      seen.length = 0;
      await markDone(row!.id);
      await settle();
      const afterDone = seen.splice(0).map((changes) => changes.conversationIds);
      await reopen(row!.id);
      await settle();
      const afterReopen = seen.splice(0).map((changes) => changes.conversationIds);
      expect(afterDone).toContainEqual([row!.id]);
      expect(afterReopen).toContainEqual([row!.id]);
    } finally {
      unsubscribe();
    }
  });

  it("pages a view with its own keyset cursor, oldest wait first, without gaps or repeats", async () => {
    for (let i = 0; i < 5; i++) await message(`c${i}`, 50 - i);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const { body } = await listConversations(`view=needs-reply&limit=2${cursor ? `&cursor=${cursor}` : ""}`);
      seen.push(...body.conversations.map((c) => c.externalId));
      cursor = body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(["c4", "c3", "c2", "c1", "c0"]);
  });

  it("an unknown view or state is a 400 saying which", async () => {
    expect((await listConversations("view=starred")).status).toBe(400);
    expect((await listConversations("state=closed")).body.error).toMatch(/state/);
  });
});

import { beforeEach, describe, expect, it } from "vitest";
import { GET as getTriageSettings, PUT as putTriageSettings } from "@/app/api/accounts/[id]/triage-settings/route";
import { accountIdOf, createSignedInUser } from "@/lib/testing/auth";
import { resetDatabase } from "@/lib/testing/database";
import { highLevelMessage, TEST_LOCATION } from "@/lib/testing/highlevel-payloads";
import { listConversations } from "@/lib/testing/read-api";
import { callRoute } from "@/lib/testing/route-call";
import { markDone, viewCounts } from "@/lib/testing/triage-api";
import { postWebhook } from "@/lib/testing/webhooks";

// Issue #26 items 1-3 through the real routes: HighLevel deliveries (Voice AI reports included)
// through the worker to the list and counts APIs; docs/triage-rules.md states the rules.

beforeEach(resetDatabase);

const at = (minute: number) => new Date(Date.UTC(2025, 0, 1, 12, minute)).toISOString();
const message = (conversationId: string, minute: number, overrides: Record<string, unknown> = {}) =>
  postWebhook("highlevel", highLevelMessage({ conversationId, dateAdded: at(minute), ...overrides }));
const outbound = (body: string) => ({ type: "OutboundMessage", direction: "outbound", body });
const answeredCall = (messageId: string) => ({
  messageId,
  messageType: "CALL",
  callStatus: "completed",
  callDuration: 90,
  body: null,
});
const voiceAiReport = (messageId: string, minute: number, fields: Record<string, unknown>) =>
  postWebhook("highlevel", {
    type: "VoiceAiCallEnd",
    id: `vai-${messageId}`,
    locationId: TEST_LOCATION,
    contactId: "contact-1",
    messageId,
    createdAt: at(minute),
    duration: 90,
    ...fields,
  });
const lena = {
  transcript: "bot: I'll flag this as urgent; the front desk will call you back within the hour.",
  extractedData: { reason: "Loose crown", urgency: "High" },
};

async function view(query: string) {
  const { status, body } = await listConversations(query);
  expect(status).toBe(200);
  return body.conversations;
}

describe("urgent Voice AI calls", () => {
  it("an urgent call promising a callback within the hour owes one, due then, marked urgent, until we call back", async () => {
    await message("lena", 10, answeredCall("call-lena"));
    expect(await view("view=callbacks")).toEqual([]);
    await voiceAiReport("call-lena", 10, lena);
    const [row] = await view("view=callbacks");
    expect(row?.externalId).toBe("lena");
    expect(row?.callback).toMatchObject({ since: at(10), dueAt: at(70), urgent: true });
    expect((await viewCounts()).callbacks).toBe(1);
    // Redelivered, the report changes nothing; an outbound call returns the callback.
    await voiceAiReport("call-lena", 10, lena);
    expect(await view("view=callbacks")).toHaveLength(1);
    await message("lena", 30, { ...answeredCall("call-back"), type: "OutboundMessage", direction: "outbound" });
    expect(await view("view=callbacks")).toEqual([]);
  });

  it("a report that comes before its call counts the same; overdue callbacks come first", async () => {
    await message("missed", 0, { messageType: "CALL", callStatus: "no-answer", body: null });
    await voiceAiReport("call-urgent", 20, { summary: "Caller asked for a callback within 30 minutes." });
    await message("urgent", 20, answeredCall("call-urgent"));
    // The missed call is due by the SLA (2 h: 14:00), the promise at 12:50: that one first.
    const rows = await view("view=callbacks");
    expect(rows.map((c) => [c.externalId, c.callback?.dueAt, c.callback?.urgent])).toEqual([
      ["urgent", at(50), true],
      ["missed", at(120), false],
    ]);
    // One page at a time, by the same order.
    const first = await listConversations("view=callbacks&limit=1");
    expect(first.body.conversations.map((c) => c.externalId)).toEqual(["urgent"]);
    const next = await listConversations(`view=callbacks&limit=1&cursor=${first.body.nextCursor}`);
    expect(next.body.conversations.map((c) => c.externalId)).toEqual(["missed"]);
  });

  it("a Voice AI call that was neither urgent nor promised anything returns a missed call as before", async () => {
    await message("a", 0, { messageType: "CALL", callStatus: "no-answer", body: null });
    await message("a", 5, answeredCall("call-calm"));
    await voiceAiReport("call-calm", 5, { summary: "Booked a cleaning.", extractedData: { urgency: "Low" } });
    expect(await view("view=callbacks")).toEqual([]);
  });
});

describe("closing-only messages", () => {
  it("a thanks after our reply needs no reply and says Closed by customer?; done takes it away", async () => {
    await message("hannah", 0, { body: "Can I come in Thursday at 3?" });
    await message("hannah", 1, outbound("Thursday at 3 is booked."));
    await message("hannah", 2, { body: "Thanks, see you then 👍" });
    expect(await view("view=needs-reply")).toEqual([]);
    const [row] = await view("");
    expect(row).toMatchObject({ externalId: "hannah", closedByCustomer: true, awaitingReplySince: null });
    await markDone(row!.id);
    expect((await view("state=all"))[0]).toMatchObject({ closedByCustomer: false, done: true });
  });

  it("never hides a question, and a thanks does not end a wait already running", async () => {
    await message("q", 0, { body: "Thanks! Is parking free?" });
    await message("w", 1, { body: "Do you take Delta Dental?" });
    await message("w", 2, { body: "thanks" });
    const rows = await view("view=needs-reply");
    expect(rows.map((c) => [c.externalId, c.awaitingReplySince, c.closedByCustomer])).toEqual([
      ["q", at(0), false],
      ["w", at(1), false],
    ]);
  });

  it("an owner edits the account's closing phrases (Settings); they apply to what arrives afterwards", async () => {
    await message("a", 0, { body: "hello" });
    const account = await accountIdOf("highlevel", TEST_LOCATION);
    const owner = await createSignedInUser({ accounts: [{ accountId: account, role: "owner" }] });
    const member = await createSignedInUser({ accounts: [{ accountId: account, role: "member" }] });
    const settings = (as: { cookie: string }, method = "GET", body?: unknown) =>
      callRoute(method === "GET" ? getTriageSettings : putTriageSettings, {
        method,
        url: `/api/accounts/${account}/triage-settings`,
        id: account,
        headers: { cookie: as.cookie },
        body,
      });
    expect((await settings(owner)).body).toMatchObject({ defaultPhrases: true, callbackSlaMinutes: 120 });
    expect((await settings(owner)).body.closingPhrases).toContain("gracias");
    expect((await settings(member, "PUT", { closingPhrases: "cheers" })).status).toBe(403);
    expect((await settings(owner, "PUT", { closingPhrases: "is it?" })).status).toBe(400);
    const saved = await settings(owner, "PUT", { closingPhrases: " cheers \n\nta", callbackSlaMinutes: 30 });
    expect(saved.body).toEqual({ closingPhrases: "cheers\nta", defaultPhrases: false, callbackSlaMinutes: 30 });

    await message("a", 1, outbound("Done!"));
    await message("a", 2, { body: "Cheers!" });
    await message("b", 1, outbound("Done!"));
    await message("b", 2, { body: "Thanks" });
    expect((await view("view=needs-reply")).map((c) => c.externalId)).toEqual(["b"]);
    await message("c", 0, { messageType: "CALL", callStatus: "no-answer", body: null });
    expect((await view("view=callbacks"))[0]?.callback?.dueAt).toBe(at(30));
  });
});

describe("the open work and the counts", () => {
  it("counts follow the channel, direction and open/done filters", async () => {
    await message("sms", 0, { body: "Is parking free?" });
    await message("mail", 0, { messageType: "Email", subject: "Invoice", body: "Where is my invoice?" });
    await message("call", 0, { messageType: "CALL", callStatus: "no-answer", body: null });
    await message("done", 0, { body: "Hi" });
    const [done] = (await view("")).filter((c) => c.externalId === "done");
    await markDone(done!.id);

    expect(await viewCounts()).toMatchObject({ all: 4, needsReply: 2, callbacks: 1, done: 1 });
    expect(await viewCounts(undefined, "?state=open")).toMatchObject({ all: 3, needsReply: 2, done: 1 });
    expect(await viewCounts(undefined, "?channel=sms")).toMatchObject({ all: 2, needsReply: 1, callbacks: 0, done: 1 });
    expect(await viewCounts(undefined, "?channel=sms&channel=call&state=open")).toMatchObject({
      all: 2,
      needsReply: 1,
      callbacks: 1,
      done: 1,
    });
    expect(await viewCounts(undefined, "?direction=outbound")).toMatchObject({ all: 0, needsReply: 0 });
    expect((await view("state=open")).map((c) => c.externalId).sort()).toEqual(["call", "mail", "sms"]);
  });
});

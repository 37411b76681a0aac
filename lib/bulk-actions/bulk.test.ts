import { beforeEach, describe, expect, it } from "vitest";
import { issueApiToken } from "@/lib/access/api-tokens/api-tokens";
import { getPrisma } from "@/lib/db";
import { accountIdOf, createSignedInUser } from "@/lib/testing/auth";
import { bulk, countMatchingForBulk, undoBulk } from "@/lib/testing/bulk-api";
import { resetDatabase } from "@/lib/testing/database";
import { highLevelMessage, TEST_LOCATION } from "@/lib/testing/highlevel-payloads";
import { conversationByExternalId, conversationDetail, listConversations } from "@/lib/testing/read-api";
import { runJobs } from "@/lib/testing/replies-api";
import { assign, snooze } from "@/lib/testing/team-api";
import { markRead } from "@/lib/testing/triage-api";
import { postWebhook } from "@/lib/testing/webhooks";
import { conversationState } from "@/lib/testing/conversation-state";

// Bulk actions (issue #24 item 8) through the real routes: one action on many conversations in one
// transaction, undone as one; refusals leave everything as it was. The property test that random
// sequences undo back to the start is in undo-property.test.ts.

beforeEach(resetDatabase);

const HOUR = 3_600_000;

async function team() {
  for (const n of [1, 2, 3])
    await postWebhook("highlevel", highLevelMessage({ conversationId: `conv-${n}`, contactId: `contact-${n}` }));
  await postWebhook("highlevel", highLevelMessage({ conversationId: "conv-x", locationId: "loc-other" }));
  const accountId = await accountIdOf("highlevel", TEST_LOCATION);
  const otherAccountId = await accountIdOf("highlevel", "loc-other");
  const ana = await createSignedInUser({ accounts: [{ accountId }] });
  const ben = await createSignedInUser({ accounts: [{ accountId }] });
  const olga = await createSignedInUser({ accounts: [{ accountId: otherAccountId }] });
  const prisma = await getPrisma();
  await prisma.user.update({ where: { id: ben.id }, data: { name: "Ben" } });
  const ids = await Promise.all([1, 2, 3].map(async (n) => (await conversationByExternalId(`conv-${n}`)).id));
  const other = (await conversationByExternalId("conv-x")).id;
  return { accountId, otherAccountId, ana, ben, olga, ids, other };
}

const listed = async (query: string, as: Record<string, string>) =>
  (await listConversations(query, as)).body.conversations.map((c) => c.id).sort();

const timeline = async (id: string, as: Record<string, string>) =>
  (await conversationDetail(id, as)).body.team.activity.map((line) => line.kind);

describe("bulk actions", () => {
  it("done on ticked conversations: one action, a line each, out of Needs reply; Undo puts them back", async () => {
    const { ana, ids } = await team();
    expect(await listed("view=needs-reply", ana.headers)).toEqual([...ids].sort());
    const done = await bulk({ target: { ids }, action: { kind: "done" } }, ana.headers);
    expect(done.status).toBe(201);
    expect(done.body.bulkAction).toMatchObject({ kind: "done", count: 3, changed: 3 });
    expect(await listed("view=needs-reply", ana.headers)).toEqual([]);
    expect(await timeline(ids[0]!, ana.headers)).toEqual(["done"]);
    const undone = await undoBulk(done.body.bulkAction.id, ana.headers);
    expect(undone).toMatchObject({ status: 200, body: { restored: 3, gone: 0 } });
    expect(await listed("view=needs-reply", ana.headers)).toEqual([...ids].sort());
    expect(await timeline(ids[0]!, ana.headers)).toEqual(["done", "reopened"]);
  });

  it("assign everything a list query matches; Undo gives each back to whoever had it, whatever changed on other fields", async () => {
    const { ana, ben, ids, other } = await team();
    await assign(ids[0]!, ana.id, ana.headers);
    const before = await conversationState(ids);
    expect(await countMatchingForBulk("", ana.headers)).toMatchObject({ body: { count: 3, capped: false } });
    const assigned = await bulk({ target: { query: "" }, action: { kind: "assign", assigneeId: ben.id } }, ana.headers);
    expect(assigned.body.bulkAction).toMatchObject({ count: 3, changed: 3 });
    expect(await listed("view=mine", ben.headers)).toEqual([...ids].sort());
    expect((await conversationDetail(ids[1]!, ana.headers)).body.team.activity).toMatchObject([
      { kind: "assigned", actorName: expect.any(String), detail: { assigneeName: "Ben" } },
    ]);
    // A colleague snoozes one meanwhile: Undo leaves that alone.
    const until = new Date(Date.now() + 3 * HOUR);
    await snooze(ids[2]!, until, ben.headers);
    expect((await undoBulk(assigned.body.bulkAction.id, ana.headers)).body.restored).toBe(3);
    const after = await conversationState(ids);
    expect(after.map((row) => row.assigneeId)).toEqual(before.map((row) => row.assigneeId));
    expect(after[2]!.snoozedUntil).toEqual(until.toISOString());
    // Another account's conversation was never in the target.
    expect((await conversationState([other]))[0]!.assigneeId).toBeNull();
  });

  it("labels and unlabels; snoozes with a wake-up each; read and unread are the person's own", async () => {
    const { accountId, ana, ben, ids } = await team();
    const prisma = await getPrisma();
    const label = await prisma.label.create({ data: { id: "label-vip", accountId, name: "VIP", color: "rose" } });
    const labeled = await bulk(
      { target: { ids: ids.slice(0, 2) }, action: { kind: "label", labelId: label.id } },
      ana.headers,
    );
    expect(labeled.body.bulkAction.changed).toBe(2);
    expect(await listed(`label=${label.id}`, ana.headers)).toEqual(ids.slice(0, 2).sort());
    const again = await bulk({ target: { ids }, action: { kind: "label", labelId: label.id } }, ana.headers);
    expect(again.body.bulkAction).toMatchObject({ count: 3, changed: 1 });
    await undoBulk(again.body.bulkAction.id, ana.headers);
    expect(await listed(`label=${label.id}`, ana.headers)).toEqual(ids.slice(0, 2).sort());

    const until = new Date(Date.now() + 5 * HOUR);
    const snoozed = await bulk(
      { target: { ids }, action: { kind: "snooze", until: until.toISOString() } },
      ana.headers,
    );
    expect(snoozed.status).toBe(201);
    expect(await listed("view=snoozed", ana.headers)).toEqual([...ids].sort());
    expect(await prisma.job.count({ where: { kind: "wake-conversation", state: "queued" } })).toBe(3);
    await undoBulk(snoozed.body.bulkAction.id, ana.headers);
    expect(await listed("view=snoozed", ana.headers)).toEqual([]);
    // The wake-ups find their snooze gone and do nothing.
    await prisma.job.updateMany({ where: { kind: "wake-conversation" }, data: { runAfter: new Date() } });
    await runJobs();
    expect(await timeline(ids[0]!, ana.headers)).toEqual(["labeled", "snoozed", "unsnoozed"]);

    await markRead(ids[0]!, ben.headers);
    const read = await bulk({ target: { ids }, action: { kind: "read" } }, ana.headers);
    expect(read.body.bulkAction.changed).toBe(3);
    expect(await listed("view=unread", ana.headers)).toEqual([]);
    expect(await listed("view=unread", ben.headers)).toEqual(ids.slice(1).sort());
    await undoBulk(read.body.bulkAction.id, ana.headers);
    expect(await listed("view=unread", ana.headers)).toEqual([...ids].sort());
  });
});

describe("what bulk actions refuse: a 4xx, nothing written", () => {
  it("a conversation the person cannot see mixed in (404), a non-member assignee (400), a past snooze (400), a token (403)", async () => {
    const { accountId, ana, olga, ids, other } = await team();
    const before = await conversationState([...ids, other]);
    const mixed = await bulk({ target: { ids: [...ids, other] }, action: { kind: "done" } }, ana.headers);
    expect(mixed.status).toBe(404);
    expect(mixed.body.error).toMatch(/nothing was changed/);
    const stranger = await bulk({ target: { ids }, action: { kind: "assign", assigneeId: olga.id } }, ana.headers);
    expect(stranger.status).toBe(400);
    expect(stranger.body.error).toMatch(/not a member/);
    const past = await bulk(
      { target: { ids }, action: { kind: "snooze", until: new Date(Date.now() - HOUR).toISOString() } },
      ana.headers,
    );
    expect(past.status).toBe(400);
    const farOff = new Date(Date.now() + 400 * 24 * HOUR).toISOString();
    expect((await bulk({ target: { ids }, action: { kind: "snooze", until: farOff } }, ana.headers)).status).toBe(400);
    expect((await bulk({ target: { ids: [] }, action: { kind: "done" } }, ana.headers)).status).toBe(400);
    expect((await bulk({ target: { ids }, action: { kind: "delete" } }, ana.headers)).status).toBe(400);
    expect((await bulk({ target: { query: "view=nonsense" }, action: { kind: "done" } }, ana.headers)).status).toBe(
      400,
    );
    const otherLabel = await (await getPrisma()).label.create({
      data: { id: "label-x", accountId: (await accountIdOf("highlevel", "loc-other"))!, name: "X", color: "blue" },
    });
    expect(
      (await bulk({ target: { ids }, action: { kind: "label", labelId: otherLabel.id } }, ana.headers)).status,
    ).toBe(404);
    const { token } = await issueApiToken(accountId, "crm");
    expect(
      (await bulk({ target: { ids }, action: { kind: "done" } }, { authorization: `Bearer ${token}` })).status,
    ).toBe(403);
    expect(await conversationState([...ids, other])).toEqual(before);
    expect(await (await getPrisma()).conversationActivity.count()).toBe(0);
  });

  it("Undo: only its author (404), once (409), within a minute (410); a conversation deleted meanwhile is just gone", async () => {
    const { ana, ben, ids } = await team();
    const prisma = await getPrisma();
    const first = await bulk({ target: { ids }, action: { kind: "done" } }, ana.headers);
    const id = first.body.bulkAction.id;
    expect((await undoBulk(id, ben.headers)).status).toBe(404);
    await prisma.conversation.delete({ where: { id: ids[0]! } });
    expect((await undoBulk(id, ana.headers)).body).toMatchObject({ restored: 2, gone: 1 });
    const twice = await undoBulk(id, ana.headers);
    expect(twice.status).toBe(409);
    const late = await bulk({ target: { ids: ids.slice(1) }, action: { kind: "done" } }, ana.headers);
    await prisma.bulkAction.update({
      where: { id: late.body.bulkAction.id },
      data: { createdAt: new Date(Date.now() - 2 * 60_000) },
    });
    const tooLate = await undoBulk(late.body.bulkAction.id, ana.headers);
    expect(tooLate.status).toBe(410);
    expect(tooLate.body.error).toMatch(/too late/);
  });
});

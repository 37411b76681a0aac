import { beforeEach, describe, expect, it } from "vitest";
import { issueApiToken } from "@/lib/access/api-tokens/api-tokens";
import { getPrisma } from "@/lib/db";
import { accountIdOf, createSignedInUser } from "@/lib/testing/auth";
import { resetDatabase } from "@/lib/testing/database";
import { highLevelMessage, TEST_LOCATION } from "@/lib/testing/highlevel-payloads";
import { conversationByExternalId, conversationDetail, listConversations } from "@/lib/testing/read-api";
import { addNote, assign } from "@/lib/testing/team-api";
import { markDone, markRead, viewCounts } from "@/lib/testing/triage-api";
import { postWebhook } from "@/lib/testing/webhooks";

// Assignment and internal notes (issue #24 items 1, 2, 9) through the real routes, with who may
// do what and what bad input gets: a 4xx, nothing written.

beforeEach(resetDatabase);

async function teamOfTwo() {
  await postWebhook("highlevel", highLevelMessage({ conversationId: "conv-a" }));
  await postWebhook("highlevel", highLevelMessage({ conversationId: "conv-b", contactId: "contact-2" }));
  const accountId = await accountIdOf("highlevel", TEST_LOCATION);
  const ana = await createSignedInUser({ accounts: [{ accountId }] });
  const ben = await createSignedInUser({ accounts: [{ accountId }] });
  await (await getPrisma()).user.update({ where: { id: ana.id }, data: { name: "Ana" } });
  await (await getPrisma()).user.update({ where: { id: ben.id }, data: { name: "Ben" } });
  const a = await conversationByExternalId("conv-a");
  const b = await conversationByExternalId("conv-b");
  return { accountId, ana, ben, a: a.id, b: b.id };
}

async function outsider() {
  await postWebhook("highlevel", highLevelMessage({ conversationId: "conv-x", locationId: "loc-other" }));
  const other = await accountIdOf("highlevel", "loc-other");
  return {
    user: await createSignedInUser({ accounts: [{ accountId: other }] }),
    conversation: await conversationByExternalId("conv-x"),
  };
}

const ids = async (query: string, as: Record<string, string>) =>
  (await listConversations(query, as)).body.conversations.map((c) => c.id);

describe("assignment", () => {
  it("assigns to a member: Mine for them, out of Unassigned, the assignee on the row, a line in the timeline", async () => {
    const { ana, ben, a, b } = await teamOfTwo();
    expect(await viewCounts(ana.headers)).toMatchObject({ mine: 0, unassigned: 2 });
    const assigned = await assign(a, ben.id, ana.headers);
    expect(assigned.status).toBe(200);
    expect(assigned.body).toMatchObject({ id: a, assignee: { id: ben.id, name: "Ben" }, previousAssigneeId: null });
    expect(await ids("view=mine", ben.headers)).toEqual([a]);
    expect(await ids("view=mine", ana.headers)).toEqual([]);
    expect(await ids("view=unassigned", ana.headers)).toEqual([b]);
    expect(await viewCounts(ben.headers)).toMatchObject({ mine: 1, unassigned: 1 });
    const detail = await conversationDetail(a, ana.headers);
    expect(detail.body.conversation.assignee).toEqual({ id: ben.id, name: "Ben" });
    expect(detail.body.team.members.map((m) => m.name)).toEqual(expect.arrayContaining(["Ana", "Ben"]));
    expect(detail.body.team.activity).toMatchObject([
      { kind: "assigned", actorName: "Ana", detail: { assigneeName: "Ben" } },
    ]);
  });

  it("Mine leaves out done conversations; unassigning returns who had it (for Undo)", async () => {
    const { ana, a } = await teamOfTwo();
    await assign(a, ana.id, ana.headers);
    await markDone(a, ana.headers);
    expect(await ids("view=mine", ana.headers)).toEqual([]);
    const unassigned = await assign(a, null, ana.headers);
    expect(unassigned.body).toMatchObject({ assignee: null, previousAssigneeId: ana.id });
    const kinds = (await conversationDetail(a, ana.headers)).body.team.activity.map((line) => line.kind);
    expect(kinds).toEqual(["assigned", "done", "unassigned"]);
  });

  it("refuses someone who is not a member of the account (400), another account's conversation (404), a token (403)", async () => {
    const { accountId, ana, a } = await teamOfTwo();
    const { user: stranger, conversation } = await outsider();
    const refused = await assign(a, stranger.id, ana.headers);
    expect(refused.status).toBe(400);
    expect(refused.body.error).toMatch(/not a member/);
    expect((await assign(conversation.id, ana.id, ana.headers)).status).toBe(404);
    expect((await assign(a, ana.id, stranger.headers)).status).toBe(404);
    const { token } = await issueApiToken(accountId, "crm");
    expect((await assign(a, ana.id, { authorization: `Bearer ${token}` })).status).toBe(403);
    for (const body of [{}, { assigneeId: 7 }, { assigneeId: "" }])
      expect((await assign(a, body as never, ana.headers)).status).toBe(400);
    expect((await conversationDetail(a, ana.headers)).body.conversation.assignee).toBeNull();
    expect(await (await getPrisma()).conversationActivity.count()).toBe(0);
  });
});

describe("internal notes", () => {
  it("stores a note with its author, sends nothing, and puts the mentioned person's Mentions count up until they open it", async () => {
    const { ana, ben, a } = await teamOfTwo();
    await markRead(a, ben.headers);
    const created = await addNote(a, { text: "@Ben can you call her back?", mentions: [ben.id] }, ana.headers);
    expect(created.status).toBe(201);
    expect(created.body.note).toMatchObject({
      authorName: "Ana",
      text: "@Ben can you call her back?",
      mentions: [{ id: ben.id, name: "Ben" }],
    });
    const detail = await conversationDetail(a, ben.headers);
    expect(detail.body.team.notes).toHaveLength(1);
    expect(detail.body.conversation.unreadCount).toBeGreaterThan(0);
    expect(await viewCounts(ben.headers)).toMatchObject({ mentions: 1 });
    expect(await viewCounts(ana.headers)).toMatchObject({ mentions: 0 });
    expect(await ids("view=mentions", ben.headers)).toEqual([a]);
    // The answer says how many mentions opening it saw: the page takes one off its Mentions count.
    const opened = await markRead(a, ben.headers);
    expect(opened.body).toEqual({ id: a, unreadCount: 0, mentionsSeen: 1 });
    expect(await viewCounts(ben.headers)).toMatchObject({ mentions: 0 });
    expect((await markRead(a, ben.headers)).body).toEqual({ id: a, unreadCount: 0, mentionsSeen: 0 });
    // Nothing for a provider: no reply, no send job, no message in the thread (only the mention's mail check).
    const prisma = await getPrisma();
    expect(await prisma.reply.count()).toBe(0);
    expect(await prisma.job.findMany({ select: { kind: true } })).toEqual([{ kind: "mention-mail" }]);
    expect(await prisma.message.count({ where: { conversationId: a } })).toBe(1);
  });

  it("refuses empty text, a mention of someone outside the account, and another account's conversation", async () => {
    const { ana, a } = await teamOfTwo();
    const { user: stranger, conversation } = await outsider();
    expect((await addNote(a, { text: "   " }, ana.headers)).status).toBe(400);
    expect((await addNote(a, { text: "x".repeat(10_001) }, ana.headers)).status).toBe(400);
    const mention = await addNote(a, { text: "@Eve", mentions: [stranger.id] }, ana.headers);
    expect(mention.status).toBe(400);
    expect(mention.body.error).toMatch(/not a member/);
    expect((await addNote(conversation.id, { text: "hi" }, ana.headers)).status).toBe(404);
    expect(await (await getPrisma()).conversationNote.count()).toBe(0);
  });

  it("notes are searchable like messages, by their own account only", async () => {
    const { ana, a } = await teamOfTwo();
    const { user: stranger, conversation } = await outsider();
    expect(await ids("q=flamingo", ana.headers)).toEqual([]);
    expect((await addNote(a, { text: "She asked about the Flamingo package" }, ana.headers)).status).toBe(201);
    expect((await addNote(conversation.id, { text: "flamingo elsewhere" }, stranger.headers)).status).toBe(201);
    expect(await ids("q=flamingo", ana.headers)).toEqual([a]);
    expect(await ids("q=flamin", ana.headers)).toEqual([a]);
    expect(await ids("q=flamingo", stranger.headers)).toEqual([conversation.id]);
  });
});

import { beforeEach, describe, expect, it } from "vitest";
import { issueApiToken } from "@/lib/access/api-tokens/api-tokens";
import { getPrisma } from "@/lib/db";
import { createSignedInUser } from "@/lib/testing/auth";
import { resetDatabase } from "@/lib/testing/database";
import { highLevelApiStubForFile } from "@/lib/testing/highlevel-api-hooks";
import {
  linkHighLevelUser,
  refetchHighLevelUsers,
  setAssignmentSync,
  SYNC_TOKEN,
  syncView,
  teamSyncedWithHighLevel,
} from "@/lib/testing/highlevel-sync-api";
import { highLevelMessage, TEST_LOCATION } from "@/lib/testing/highlevel-payloads";
import { conversationByExternalId, conversationDetail } from "@/lib/testing/read-api";
import { runJobs } from "@/lib/testing/replies-api";
import { assign } from "@/lib/testing/team-api";
import { postWebhook } from "@/lib/testing/webhooks";
import { ASSIGNMENT_SYNC_JOB, queueAssignmentSync } from "./queue";

// Assignment written to HighLevel (issue #24): people linked to HighLevel's users by email or by
// an owner, the owners' switch, and each assignment's PUT /contacts/{id} against the stand-in,
// with what HighLevel's failures do (never the local assignment's business).

const api = highLevelApiStubForFile();
beforeEach(resetDatabase);

const lines = async (conversationId: string, as: Record<string, string>) =>
  (await conversationDetail(conversationId, as)).body.team.activity.map((line) => ({
    kind: line.kind,
    ...line.detail,
  }));

/** Lets queued jobs that wait for a later time run now (time injected, no sleeping). */
async function timePasses() {
  const prisma = await getPrisma();
  await prisma.job.updateMany({ where: { state: "queued" }, data: { runAfter: new Date(Date.now() - 1000) } });
}

describe("linking people to HighLevel users", () => {
  it("matches members by email from HighLevel's users API; only owners see and change the links", async () => {
    const { accountId, ana, ben } = await teamSyncedWithHighLevel(api());
    // Ask again, to see the request (the fixture forgets its own).
    await refetchHighLevelUsers(accountId, ana.headers);
    await runJobs();
    expect(api().seen).toMatchObject([
      {
        method: "GET",
        path: "/users/",
        locationId: TEST_LOCATION,
        authorization: `Bearer ${SYNC_TOKEN}`,
        version: "2021-07-28",
        body: undefined,
      },
    ]);
    const view = await syncView(accountId, ana.headers);
    expect(view.status).toBe(200);
    expect(view.body).toMatchObject({ enabled: true, tokenSet: true, usersError: null });
    expect(view.body.highLevelUsers.map((user) => user.name)).toEqual(["Ana Ruiz", "Ben Ode", "Carla Diaz"]);
    const link = (id: string) => view.body.members.find((member) => member.id === id);
    expect(link(ana.id)).toMatchObject({ highLevelUserId: "hl-ana", source: "email" });
    expect(link(ben.id)).toMatchObject({ highLevelUserId: "hl-ben", source: "email" });

    // Members, strangers and API tokens change nothing.
    expect((await syncView(accountId, ben.headers)).status).toBe(403);
    expect((await linkHighLevelUser(accountId, ben.id, "hl-carla", ben.headers)).status).toBe(403);
    expect((await setAssignmentSync(accountId, false, ben.headers)).status).toBe(403);
    const stranger = await createSignedInUser();
    expect((await syncView(accountId, stranger.headers)).status).toBe(404);
    expect((await setAssignmentSync(accountId, false, stranger.headers)).status).toBe(404);
    const { token } = await issueApiToken(accountId, "crm");
    expect((await setAssignmentSync(accountId, false, { authorization: `Bearer ${token}` })).status).toBe(403);

    // An owner's choice wins over the email match; one HighLevel user is one person.
    const relinked = await linkHighLevelUser(accountId, ben.id, "hl-carla", ana.headers);
    expect(relinked.status).toBe(200);
    expect(relinked.body.members.find((member) => member.id === ben.id)).toMatchObject({
      highLevelUserId: "hl-carla",
      source: "owner",
    });
    expect((await linkHighLevelUser(accountId, ana.id, "hl-carla", ana.headers)).status).toBe(409);
    expect((await linkHighLevelUser(accountId, ana.id, "hl-nobody", ana.headers)).status).toBe(400);
    expect((await linkHighLevelUser(accountId, stranger.id, "hl-ana", ana.headers)).status).toBe(400);
    expect((await linkHighLevelUser(accountId, ana.id, 7 as never, ana.headers)).status).toBe(400);
    const unlinked = await linkHighLevelUser(accountId, ana.id, null, ana.headers);
    expect(unlinked.body.members.find((member) => member.id === ana.id)).toMatchObject({
      highLevelUserId: null,
      source: "owner",
    });
    expect((await syncView(accountId, ana.headers)).body.enabled).toBe(true);
  });
});

describe("assignment written to HighLevel", () => {
  it("assign and unassign: one PUT each with the linked user (null to unassign), quiet when it works", async () => {
    const { ana, conversationId } = await teamSyncedWithHighLevel(api());
    expect((await assign(conversationId, ana.id, ana.headers)).status).toBe(200);
    await runJobs();
    expect(api().seen).toMatchObject([
      {
        method: "PUT",
        path: "/contacts/contact-1",
        locationId: null,
        authorization: `Bearer ${SYNC_TOKEN}`,
        version: "2021-07-28",
        body: { assignedTo: "hl-ana" },
      },
    ]);
    await assign(conversationId, null, ana.headers);
    await runJobs();
    expect(api().contacts.updates).toEqual([
      { contactId: "contact-1", body: { assignedTo: "hl-ana" } },
      { contactId: "contact-1", body: { assignedTo: null } },
    ]);
    expect((await lines(conversationId, ana.headers)).map((line) => line.kind)).toEqual(["assigned", "unassigned"]);
  });

  it("writes the assignee the conversation has when the job runs, whatever it had when queued", async () => {
    const { ana, ben, conversationId } = await teamSyncedWithHighLevel(api());
    await assign(conversationId, ana.id, ana.headers);
    await assign(conversationId, ben.id, ana.headers);
    await runJobs();
    expect(api().contacts.updates.map((update) => update.body)).toEqual([
      { assignedTo: "hl-ben" },
      { assignedTo: "hl-ben" },
    ]);
  });

  it("one job per contact for many conversations (bulk), none for an account that does not sync", async () => {
    const { accountId, conversationId } = await teamSyncedWithHighLevel(api());
    await postWebhook("highlevel", highLevelMessage({ conversationId: "conv-b" }));
    await postWebhook("highlevel", highLevelMessage({ conversationId: "conv-c", contactId: "contact-2" }));
    const ids = [
      conversationId,
      (await conversationByExternalId("conv-b")).id,
      (await conversationByExternalId("conv-c")).id,
    ];
    const prisma = await getPrisma();
    expect(await prisma.$transaction((tx) => queueAssignmentSync(tx, accountId, ids))).toBe(2);
    await prisma.highLevelSyncSettings.update({ where: { accountId }, data: { assignmentSync: false } });
    expect(await prisma.$transaction((tx) => queueAssignmentSync(tx, accountId, ids))).toBe(0);
    expect(await prisma.job.count({ where: { kind: ASSIGNMENT_SYNC_JOB } })).toBe(2);
  });

  it("sync turned off: the assignment is local only, nothing is requested (also for jobs already queued)", async () => {
    const { accountId, ana, conversationId } = await teamSyncedWithHighLevel(api());
    await assign(conversationId, ana.id, ana.headers);
    expect((await setAssignmentSync(accountId, false, ana.headers)).body.enabled).toBe(false);
    await assign(conversationId, null, ana.headers);
    await runJobs();
    expect(api().seen).toEqual([]);
    expect(await (await getPrisma()).job.count({ where: { kind: ASSIGNMENT_SYNC_JOB } })).toBe(1);
  });

  it("a person with no linked HighLevel user: local only, and the timeline says why", async () => {
    const { accountId, ana, ben, conversationId } = await teamSyncedWithHighLevel(api());
    await linkHighLevelUser(accountId, ben.id, null, ana.headers);
    expect((await assign(conversationId, ben.id, ana.headers)).status).toBe(200);
    await runJobs();
    expect(api().seen).toEqual([]);
    expect(await lines(conversationId, ana.headers)).toEqual([
      { kind: "assigned", assigneeName: "Ben" },
      { kind: "highlevel_not_synced", assigneeName: "Ben" },
    ]);
    expect((await conversationDetail(conversationId, ana.headers)).body.conversation.assignee?.id).toBe(ben.id);
  });

  it("a revoked token (401): the local assignment stays, the job fails at once with a line in words", async () => {
    const { ana, conversationId } = await teamSyncedWithHighLevel(api());
    api().contacts.updateQueue.push({ status: 401, body: { statusCode: 401, message: "Invalid JWT" } });
    expect((await assign(conversationId, ana.id, ana.headers)).status).toBe(200);
    await runJobs();
    expect(api().seen).toHaveLength(1);
    const job = await (await getPrisma()).job.findFirstOrThrow({ where: { kind: ASSIGNMENT_SYNC_JOB } });
    expect(job).toMatchObject({ state: "failed", attempts: 1 });
    expect((await conversationDetail(conversationId, ana.headers)).body.conversation.assignee?.id).toBe(ana.id);
    expect(await lines(conversationId, ana.headers)).toEqual([
      { kind: "assigned", assigneeName: "Ana" },
      {
        kind: "highlevel_sync_failed",
        reason: "HighLevel refused the token (401): it is wrong, revoked or expired",
      },
    ]);
  });

  it("503 then 429: waits (Retry-After honoured), says so once, retries later and says when it worked", async () => {
    const { ana, conversationId } = await teamSyncedWithHighLevel(api());
    api().contacts.updateQueue.push(
      { status: 503, body: { message: "Service Unavailable" } },
      { status: 429, body: { message: "Too many requests" }, headers: { "retry-after": "120" } },
    );
    await assign(conversationId, ana.id, ana.headers);
    await runJobs();
    const prisma = await getPrisma();
    const waiting = await prisma.job.findFirstOrThrow({ where: { kind: ASSIGNMENT_SYNC_JOB } });
    expect(waiting).toMatchObject({ state: "queued", attempts: 1, lastError: "HighLevel answered 503" });
    await timePasses();
    await runJobs();
    const limited = await prisma.job.findFirstOrThrow({ where: { kind: ASSIGNMENT_SYNC_JOB } });
    expect(limited).toMatchObject({ state: "queued", attempts: 2 });
    const waitMs = limited.runAfter.getTime() - Date.now();
    expect(waitMs).toBeGreaterThan(100_000);
    expect(waitMs).toBeLessThanOrEqual(120_000);
    await runJobs(); // not due yet: nothing is sent
    expect(api().seen).toHaveLength(2);
    await timePasses();
    await runJobs();
    expect(api().seen).toHaveLength(3);
    expect(api().contacts.updates).toEqual([{ contactId: "contact-1", body: { assignedTo: "hl-ana" } }]);
    expect(await prisma.job.findFirstOrThrow({ where: { kind: ASSIGNMENT_SYNC_JOB } })).toMatchObject({
      state: "done",
    });
    expect(await lines(conversationId, ana.headers)).toEqual([
      { kind: "assigned", assigneeName: "Ana" },
      { kind: "highlevel_sync_retrying", reason: "HighLevel answered 503" },
      { kind: "highlevel_synced" },
    ]);
  });
});

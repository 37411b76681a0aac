import { beforeEach, describe, expect, it } from "vitest";
import { getPrisma } from "@/lib/db";
import { resetDatabase } from "@/lib/testing/database";
import { highLevelApiStubForFile } from "@/lib/testing/highlevel-api-hooks";
import { setAssignmentSync, teamSyncedWithHighLevel } from "@/lib/testing/highlevel-sync-api";
import { TEST_LOCATION } from "@/lib/testing/highlevel-payloads";
import { conversationDetail } from "@/lib/testing/read-api";
import { runJobs } from "@/lib/testing/replies-api";
import { assign } from "@/lib/testing/team-api";
import { postWebhook } from "@/lib/testing/webhooks";
import { ASSIGNMENT_SYNC_JOB } from "./queue";

// HighLevel's own assignment coming back (issue #24): `assignedTo` in a contact webhook, applied
// when it is later than the conversation's own assignment, shown in the timeline either way, and
// nothing at all for the echo of our own write or for an edit that repeats it.

const api = highLevelApiStubForFile();
beforeEach(resetDatabase);

const minutesFromNow = (minutes: number) => new Date(Date.now() + minutes * 60_000).toISOString();

/** A HighLevel ContactUpdate of contact-1 (a signed delivery, through the real route and worker). */
async function contactUpdate(fields: Record<string, unknown>) {
  const result = await postWebhook("highlevel", {
    type: "ContactUpdate",
    locationId: TEST_LOCATION,
    id: "contact-1",
    firstName: "Maria",
    ...fields,
  });
  expect(result.outcome).toMatchObject({ status: "processed" });
}

async function state(conversationId: string, as: Record<string, string>) {
  const detail = (await conversationDetail(conversationId, as)).body;
  return {
    assignee: detail.conversation.assignee?.name ?? null,
    lines: detail.team.activity.map((line) => ({ kind: line.kind, actor: line.actorName, ...line.detail })),
  };
}

describe("HighLevel's assignment coming in", () => {
  it("a later change in HighLevel is applied, with HighLevel's line; nothing is written back", async () => {
    const { ana, ben, conversationId } = await teamSyncedWithHighLevel(api());
    await assign(conversationId, ben.id, ana.headers);
    await runJobs();
    await contactUpdate({ assignedTo: "hl-ana", dateUpdated: minutesFromNow(1) });
    expect(await state(conversationId, ana.headers)).toEqual({
      assignee: "Ana",
      lines: [
        { kind: "assigned", actor: "Ana", assigneeName: "Ben" },
        { kind: "highlevel_assigned", actor: "HighLevel", assigneeName: "Ana", linked: true, applied: true },
      ],
    });
    await runJobs();
    expect(api().contacts.updates.map((update) => update.body)).toEqual([{ assignedTo: "hl-ben" }]);
    expect(await (await getPrisma()).job.count({ where: { kind: ASSIGNMENT_SYNC_JOB } })).toBe(1);
  });

  it("an older change is not applied, but shows at its time before the later one it lost to", async () => {
    const { ana, ben, conversationId } = await teamSyncedWithHighLevel(api());
    await assign(conversationId, ben.id, ana.headers);
    const hourAgo = minutesFromNow(-60);
    await contactUpdate({ assignedTo: "hl-ana", dateUpdated: hourAgo });
    const after = await state(conversationId, ana.headers);
    expect(after).toEqual({
      assignee: "Ben",
      lines: [
        { kind: "highlevel_assigned", actor: "HighLevel", assigneeName: "Ana", linked: true, applied: false },
        { kind: "assigned", actor: "Ana", assigneeName: "Ben" },
      ],
    });
    const line = (await conversationDetail(conversationId, ana.headers)).body.team.activity[0];
    expect(line?.at).toBe(hourAgo);
  });

  it("the echo of our own write, and later edits that repeat HighLevel's assignee, record nothing", async () => {
    const { ana, ben, conversationId } = await teamSyncedWithHighLevel(api());
    await assign(conversationId, ana.id, ana.headers);
    // The echo may come before our write's answer: HighLevel agrees with what is here.
    await contactUpdate({ assignedTo: "hl-ana", dateUpdated: minutesFromNow(1) });
    expect((await state(conversationId, ana.headers)).lines.map((line) => line.kind)).toEqual(["assigned"]);
    await runJobs();
    expect(api().contacts.updates.map((update) => update.body)).toEqual([{ assignedTo: "hl-ana" }]);
    await contactUpdate({ assignedTo: "hl-ana", dateUpdated: minutesFromNow(1.5) });
    expect((await state(conversationId, ana.headers)).lines.map((line) => line.kind)).toEqual(["assigned"]);
    // Ben takes it here before that write reaches HighLevel; a name edit there still says Ana.
    await assign(conversationId, ben.id, ana.headers);
    await contactUpdate({ assignedTo: "hl-ana", firstName: "María", dateUpdated: minutesFromNow(2) });
    expect(await state(conversationId, ana.headers)).toMatchObject({
      assignee: "Ben",
      lines: [{ kind: "assigned" }, { kind: "assigned" }],
    });
  });

  it("a HighLevel user linked to nobody here: unassigned here, the line names them; HighLevel unassigning too", async () => {
    const { ana, conversationId } = await teamSyncedWithHighLevel(api());
    await assign(conversationId, ana.id, ana.headers);
    await contactUpdate({ assignedTo: "hl-carla", dateUpdated: minutesFromNow(1) });
    expect(await state(conversationId, ana.headers)).toMatchObject({
      assignee: null,
      lines: [
        { kind: "assigned" },
        { kind: "highlevel_assigned", assigneeName: "Carla Diaz", linked: false, applied: true },
      ],
    });
    await assign(conversationId, ana.id, ana.headers);
    await contactUpdate({ assignedTo: null, dateUpdated: minutesFromNow(2) });
    const after = await state(conversationId, ana.headers);
    expect(after.assignee).toBeNull();
    expect(after.lines.at(-1)).toEqual({ kind: "highlevel_assigned", actor: "HighLevel", applied: true });
  });

  it("ignores assignedTo when the sync is off, and a late delivery older than what HighLevel said since", async () => {
    const { accountId, ana, conversationId } = await teamSyncedWithHighLevel(api());
    await setAssignmentSync(accountId, false, ana.headers);
    await contactUpdate({ assignedTo: "hl-ana", dateUpdated: minutesFromNow(1) });
    expect(await state(conversationId, ana.headers)).toEqual({ assignee: null, lines: [] });
    await setAssignmentSync(accountId, true, ana.headers);
    await contactUpdate({ assignedTo: "hl-ben", dateUpdated: minutesFromNow(3) });
    await contactUpdate({ assignedTo: "hl-ana", dateUpdated: minutesFromNow(2) });
    expect(await state(conversationId, ana.headers)).toMatchObject({
      assignee: "Ben",
      lines: [{ kind: "highlevel_assigned", assigneeName: "Ben", applied: true }],
    });
  });
});

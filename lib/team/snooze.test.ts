import fc from "fast-check";
import { beforeEach, describe, expect, it } from "vitest";
import { getPrisma } from "@/lib/db";
import { accountIdOf, createSignedInUser } from "@/lib/testing/auth";
import { resetDatabase } from "@/lib/testing/database";
import { highLevelMessage, TEST_LOCATION } from "@/lib/testing/highlevel-payloads";
import { conversationByExternalId, conversationDetail, listConversations } from "@/lib/testing/read-api";
import { runJobs } from "@/lib/testing/replies-api";
import { assign, snooze, unsnooze } from "@/lib/testing/team-api";
import { markDone, markRead, reopen, viewCounts } from "@/lib/testing/triage-api";
import { postWebhook } from "@/lib/testing/webhooks";

// Snooze (issue #24 item 3) and Undo's server side (item 4): a snooze leaves every view but
// Snoozed, comes back through the job queue (its time brought forward instead of waiting) or
// at once when the customer writes, and every action answers what Undo needs to put back.

beforeEach(resetDatabase);

const HOUR = 60 * 60 * 1000;
const inHours = (hours: number) => new Date(Date.now() + hours * HOUR);

async function setUp() {
  await postWebhook(
    "highlevel",
    highLevelMessage({ conversationId: "conv-s", dateAdded: new Date(Date.now() - HOUR).toISOString() }),
  );
  const accountId = await accountIdOf("highlevel", TEST_LOCATION);
  const ana = await createSignedInUser({ accounts: [{ accountId }] });
  const ben = await createSignedInUser({ accounts: [{ accountId }] });
  const id = (await conversationByExternalId("conv-s")).id;
  await markRead(id, ana.headers);
  await markRead(id, ben.headers);
  return { ana, ben, id };
}

const inView = async (view: string, as: Record<string, string>) =>
  (await listConversations(view ? `view=${view}` : "", as)).body.conversations.map((c) => c.id);

/** Time passes: the wake-up job is due now (nothing sleeps). */
async function wakeTimeComes() {
  await (await getPrisma()).job.updateMany({
    where: { kind: "wake-conversation", state: "queued" },
    data: { runAfter: new Date() },
  });
  await runJobs();
}

describe("snooze", () => {
  it("leaves every view but Snoozed, which shows the wake time; comes back at that time, unread for its assignee only", async () => {
    const { ana, ben, id } = await setUp();
    await assign(id, ben.id, ana.headers);
    const until = inHours(3);
    const snoozed = await snooze(id, until, ana.headers);
    expect(snoozed.status).toBe(200);
    expect(snoozed.body).toEqual({ id, snoozedUntil: until.toISOString(), previousSnoozedUntil: null });
    for (const view of ["", "needs-reply", "mine", "unread"]) expect(await inView(view, ben.headers)).toEqual([]);
    const [row] = (await listConversations("view=snoozed", ana.headers)).body.conversations;
    expect(row).toMatchObject({ id, snoozedUntil: until.toISOString() });
    expect(await viewCounts(ana.headers)).toMatchObject({ snoozed: 1, all: 0, needsReply: 0 });

    await runJobs(); // not yet due: nothing happens
    expect(await inView("snoozed", ana.headers)).toEqual([id]);
    await wakeTimeComes();
    expect(await inView("snoozed", ana.headers)).toEqual([]);
    expect(await inView("needs-reply", ana.headers)).toEqual([id]);
    expect(await inView("unread", ben.headers)).toEqual([id]);
    expect(await inView("unread", ana.headers)).toEqual([]);
    const lines = (await conversationDetail(id, ana.headers)).body.team.activity.map((line) => line.kind);
    expect(lines).toEqual(["assigned", "snoozed", "woke"]);
  });

  it("an unassigned conversation wakes unread for everyone; the customer writing wakes it at once", async () => {
    const { ana, ben, id } = await setUp();
    await snooze(id, inHours(1), ana.headers);
    await wakeTimeComes();
    expect(await inView("unread", ana.headers)).toEqual([id]);
    expect(await inView("unread", ben.headers)).toEqual([id]);

    await markRead(id, ana.headers);
    await snooze(id, inHours(24), ana.headers);
    expect(await inView("", ana.headers)).toEqual([]);
    await postWebhook("highlevel", highLevelMessage({ conversationId: "conv-s", dateAdded: new Date().toISOString() }));
    expect(await inView("", ana.headers)).toEqual([id]);
    expect(await inView("snoozed", ana.headers)).toEqual([]);
  });

  it("Unsnooze and a new snooze leave the old wake-up nothing to do", async () => {
    const { ana, id } = await setUp();
    await snooze(id, inHours(1), ana.headers);
    const again = await snooze(id, inHours(48), ana.headers);
    expect(again.body.previousSnoozedUntil).not.toBeNull();
    await (await getPrisma()).job.updateMany({
      where: {
        kind: "wake-conversation",
        payload: { path: ["until"], equals: again.body.previousSnoozedUntil as string },
      },
      data: { runAfter: new Date() },
    });
    await runJobs();
    expect(await inView("snoozed", ana.headers)).toEqual([id]);
    const woken = await unsnooze(id, ana.headers);
    expect(woken.body).toMatchObject({ snoozedUntil: null, previousSnoozedUntil: again.body.snoozedUntil });
    expect(await inView("snoozed", ana.headers)).toEqual([]);
  });

  it("refuses the past, beyond a year, not a time, and another account's conversation", async () => {
    const { ana, id } = await setUp();
    for (const until of [new Date(Date.now() - 1_000), inHours(24 * 367), "tomorrow", "2026-13-40T99:00:00Z"])
      expect((await snooze(id, until, ana.headers)).status).toBe(400);
    expect((await snooze("no-such-conversation", inHours(1), ana.headers)).status).toBe(404);
    expect(await (await getPrisma()).job.count()).toBe(0);
  });
});

type Action =
  | { kind: "assign"; who: 0 | 1 | null }
  | { kind: "snooze"; hours: number }
  | { kind: "unsnooze" }
  | { kind: "done" | "reopen" };

describe("undo", () => {
  // 25 sequences of up to 6 actions, each read back and undone: some 500 route calls, over 30 s on
  // PGlite on a loaded CI machine. The limit guards against a hang, not a speed.
  it("any sequence of actions, undone last-first with what each answered, returns to the original state", {
    timeout: 120_000,
  }, async () => {
    const { ana, ben, id } = await setUp();
    const people = [ana.id, ben.id];
    const state = async () => {
      const detail = (await conversationDetail(id, ana.headers)).body.conversation;
      return { assignee: detail.assignee?.id ?? null, snoozedUntil: detail.snoozedUntil, done: detail.done };
    };
    const action = fc.oneof(
      fc.record({ kind: fc.constant("assign" as const), who: fc.constantFrom(0 as const, 1 as const, null) }),
      fc.record({ kind: fc.constant("snooze" as const), hours: fc.integer({ min: 1, max: 24 * 300 }) }),
      fc.constant({ kind: "unsnooze" as const }),
      fc.constantFrom({ kind: "done" as const }, { kind: "reopen" as const }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(action, { minLength: 1, maxLength: 6 }), async (actions: Action[]) => {
        const before = await state();
        const undos: Array<() => Promise<unknown>> = [];
        for (const step of actions) {
          const was = await state();
          if (step.kind === "assign") {
            const { body } = await assign(id, step.who === null ? null : people[step.who]!, ana.headers);
            undos.push(() => assign(id, body.previousAssigneeId as string | null, ana.headers));
          } else if (step.kind === "snooze" || step.kind === "unsnooze") {
            const { body } =
              step.kind === "snooze"
                ? await snooze(id, inHours(step.hours), ana.headers)
                : await unsnooze(id, ana.headers);
            const previous = body.previousSnoozedUntil as string | null;
            undos.push(() => (previous ? snooze(id, previous, ana.headers) : unsnooze(id, ana.headers)));
          } else {
            await (step.kind === "done" ? markDone(id, ana.headers) : reopen(id, ana.headers));
            undos.push(() => (was.done ? markDone(id, ana.headers) : reopen(id, ana.headers)));
          }
        }
        for (const undo of undos.reverse()) await undo();
        expect(await state()).toEqual(before);
      }),
      { numRuns: 25 },
    );
  });
});

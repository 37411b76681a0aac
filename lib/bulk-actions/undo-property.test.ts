import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { getPrisma } from "@/lib/db";
import { accountIdOf, createSignedInUser } from "@/lib/testing/auth";
import { bulk, undoBulk } from "@/lib/testing/bulk-api";
import { conversationState } from "@/lib/testing/conversation-state";
import { resetDatabase } from "@/lib/testing/database";
import { highLevelMessage, TEST_LOCATION } from "@/lib/testing/highlevel-payloads";
import { conversationByExternalId } from "@/lib/testing/read-api";
import { assign, snooze } from "@/lib/testing/team-api";
import { markRead } from "@/lib/testing/triage-api";
import { postWebhook } from "@/lib/testing/webhooks";

// Issue #24's property: any sequence of actions followed by their undos, last first, returns every
// conversation to exactly where it started (assignee, done and waits, snooze, labels, read state).

const HOUR = 3_600_000;
let fixture: { ana: Awaited<ReturnType<typeof createSignedInUser>>; benId: string; ids: string[]; labels: string[] };

beforeAll(async () => {
  await resetDatabase();
  for (const n of [1, 2, 3, 4])
    await postWebhook("highlevel", highLevelMessage({ conversationId: `conv-${n}`, contactId: `contact-${n}` }));
  const accountId = await accountIdOf("highlevel", TEST_LOCATION);
  const ana = await createSignedInUser({ accounts: [{ accountId }] });
  const ben = await createSignedInUser({ accounts: [{ accountId }] });
  const ids = await Promise.all([1, 2, 3, 4].map(async (n) => (await conversationByExternalId(`conv-${n}`)).id));
  // A varied start: one assigned, one snoozed, one read, one labelled.
  const prisma = await getPrisma();
  const labels = ["label-a", "label-b"];
  for (const id of labels) await prisma.label.create({ data: { id, accountId, name: id, color: "blue" } });
  await assign(ids[0]!, ben.id, ana.headers);
  await snooze(ids[1]!, new Date(Date.now() + 2 * HOUR), ana.headers);
  await markRead(ids[2]!, ana.headers);
  await prisma.conversationLabel.create({ data: { conversationId: ids[3]!, labelId: "label-a" } });
  fixture = { ana, benId: ben.id, ids, labels };
});

const actionArbitrary = () =>
  fc.oneof(
    fc.constant({ kind: "done" }),
    fc.constantFrom(null, "ana", "ben").map((who) => ({
      kind: "assign",
      assigneeId: who === "ana" ? fixture.ana.id : who === "ben" ? fixture.benId : null,
    })),
    fc
      .constantFrom("label", "unlabel")
      .chain((kind) => fc.constantFrom(...fixture.labels).map((labelId) => ({ kind, labelId }))),
    fc
      .integer({ min: 1, max: 48 })
      .map((hours) => ({ kind: "snooze", until: new Date(Date.now() + hours * HOUR).toISOString() })),
    fc.constantFrom({ kind: "read" }, { kind: "unread" }),
  );

describe("bulk undo", () => {
  it("any sequence of bulk actions, undone last first, returns every conversation to where it started", {
    timeout: 120_000,
  }, async () => {
    const { ana, ids } = fixture;
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(actionArbitrary(), fc.subarray(ids, { minLength: 1 })), { minLength: 1, maxLength: 5 }),
        async (steps) => {
          const start = await conversationState(ids, [ana.id]);
          const done: string[] = [];
          for (const [action, target] of steps) {
            const answer = await bulk({ target: { ids: target }, action }, ana.headers);
            expect(answer.status, JSON.stringify(answer.body)).toBe(201);
            done.push(answer.body.bulkAction.id);
          }
          for (const id of done.reverse()) expect((await undoBulk(id, ana.headers)).status).toBe(200);
          expect(await conversationState(ids, [ana.id])).toEqual(start);
        },
      ),
      { numRuns: 15, seed: 20261206 },
    );
  });
});

import { readFile } from "node:fs/promises";
import { scriptScopeOfEveryAccount } from "@/lib/access/script-scope";
import fc from "fast-check";
import path from "node:path";
import { beforeEach, expect, it } from "vitest";
import { getPrisma } from "@/lib/db";
import { migrationsFolder } from "@/lib/db/migrations";
import { resetDatabase } from "@/lib/testing/database";
import { highLevelMessage, TEST_LOCATION } from "@/lib/testing/highlevel-payloads";
import { postWebhook } from "@/lib/testing/webhooks";
import { recomputeTriage } from "./rules";

// The triage migration's backfill repeats lib/triage/rules.ts in plain SQL: over the same
// messages it must give what ingestion kept.

beforeEach(resetDatabase);

const at = (minute: number) => new Date(Date.UTC(2025, 0, 1, 12, minute)).toISOString();
const call = (callStatus: string, direction = "inbound") => ({
  messageType: "CALL",
  callStatus,
  direction,
  type: direction === "inbound" ? "InboundMessage" : "OutboundMessage",
});
const out = { type: "OutboundMessage", direction: "outbound" };

it("the backfill gives every conversation the state ingestion kept", async () => {
  const threads: Array<Array<Record<string, unknown>>> = [
    [{}, {}, out, {}],
    [call("no-answer"), { ...out, messageType: "SMS" }],
    [call("voicemail"), call("no-answer", "outbound"), call("busy")],
    [{}, call("completed")],
    [out, { messageType: "Email", subject: "hi" }],
    [call("completed", "outbound")],
  ];
  for (const [t, thread] of threads.entries())
    for (const [i, extra] of thread.entries())
      await postWebhook(
        "highlevel",
        highLevelMessage({ conversationId: `t${t}`, dateAdded: at(t * 10 + i), ...extra }),
      );

  const prisma = await getPrisma();
  const state = () =>
    prisma.$queryRaw<Array<Record<string, unknown>>>`
      SELECT external_id, last_inbound_at, awaiting_reply_since, callback_since FROM conversations ORDER BY external_id`;
  const kept = await state();
  expect(kept.filter((row) => row.awaiting_reply_since || row.callback_since).length).toBeGreaterThan(2);

  const sql = await readFile(path.join(migrationsFolder(), "20261123210000_triage", "migration.sql"), "utf8");
  const backfill = sql.slice(sql.indexOf('UPDATE "conversations"'));
  await prisma.$executeRawUnsafe(
    "UPDATE conversations SET last_inbound_at = NULL, awaiting_reply_since = NULL, callback_since = NULL",
  );
  await prisma.$executeRawUnsafe(backfill);
  expect(await state()).toEqual(kept);
});

// Issue #26: closing-only messages and urgent Voice AI calls. Over random histories (a fixed seed),
// the three SQL definitions of the waits agree — what ingestion keeps (stateAfterNewest, and a
// recompute for late messages), recomputeTriage from all the messages, and the report rollups'
// open waits (20261206130100_urgent_callbacks_closing) — and the closing/urgent messages are in them.
const STEPS = {
  ask: { body: "Is it open on Sunday?" },
  thanks: { body: "Thanks, see you then 👍" },
  reply: { ...out, body: "Yes, 9 to 1." },
  missed: call("no-answer"),
  urgent: call("completed"),
  calm: call("completed"),
  callOut: call("completed", "outbound"),
} as const;
type Step = keyof typeof STEPS;
const reports: Partial<Record<Step, Record<string, unknown>>> = {
  urgent: { summary: "Front desk will call you back within the hour.", extractedData: { urgency: "High" } },
  calm: { summary: "Booked a cleaning.", extractedData: { urgency: "Low" } },
};

it("ingestion, the recompute and the rollups agree on the waits, closing messages and urgent calls included", async () => {
  const history = fc.array(fc.constantFrom(...(Object.keys(STEPS) as Step[])), { minLength: 1, maxLength: 6 });
  // Two known histories first (the new rules must be in play), then random ones posted in any order.
  const known: Array<[Step[], number[]]> = [
    [
      ["ask", "reply", "thanks"],
      [0, 1, 2],
    ],
    [
      ["missed", "callOut", "urgent"],
      [2, 0, 1],
    ],
  ];
  const sampled = fc.sample(
    history.chain((steps) =>
      fc.tuple(fc.constant(steps), fc.shuffledSubarray([...steps.keys()], { minLength: steps.length })),
    ),
    { numRuns: 14, seed: 26 },
  );
  const runs = [...known, ...sampled];
  for (const [run, [steps, order]] of runs.entries())
    for (const i of order) {
      const step = steps[i]!;
      const ids = { conversationId: `p${run}`, contactId: `contact-p${run}`, messageId: `p${run}-m${i}` };
      await postWebhook("highlevel", highLevelMessage({ ...ids, dateAdded: at(i), ...STEPS[step] }));
      const report = reports[step];
      if (report)
        await postWebhook("highlevel", {
          type: "VoiceAiCallEnd",
          id: `vai-${ids.messageId}`,
          locationId: TEST_LOCATION,
          createdAt: at(i),
          ...ids,
          ...report,
        });
    }

  const prisma = await getPrisma();
  const waits = () =>
    prisma.$queryRaw<Array<Record<string, unknown>>>`
      SELECT external_id, awaiting_reply_since, callback_since FROM conversations WHERE external_id LIKE 'p%' ORDER BY external_id`;
  const kept = await waits();
  const rollups = await prisma.$queryRaw<Array<Record<string, unknown>>>`
    SELECT c.external_id,
      (SELECT max(w.started_at) FROM report_reply_waits w WHERE w.conversation_id = c.id AND w.replied_at IS NULL) AS awaiting_reply_since,
      (SELECT max(w.started_at) FROM report_callback_waits w WHERE w.conversation_id = c.id AND w.returned_at IS NULL) AS callback_since
    FROM conversations c WHERE c.external_id LIKE 'p%' ORDER BY c.external_id`;
  expect(rollups).toEqual(kept);
  await prisma.$transaction(async (tx) => {
    await tx.$executeRawUnsafe("UPDATE conversations SET awaiting_reply_since = NULL, callback_since = NULL");
    for (const { id } of await tx.conversation.findMany({ select: { id: true } }))
      await recomputeTriage(tx, scriptScopeOfEveryAccount(), id);
  });
  expect(await waits()).toEqual(kept);

  // The new rules are in play: a thanks after our reply waits for nothing; an urgent Voice AI
  // call after a returned missed call owes a callback again.
  expect(kept.slice(0, 2)).toEqual([
    { external_id: "p0", awaiting_reply_since: null, callback_since: null },
    { external_id: "p1", awaiting_reply_since: null, callback_since: new Date(at(2)) },
  ]);
});

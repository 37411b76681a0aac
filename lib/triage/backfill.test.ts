import { readFile } from "node:fs/promises";
import path from "node:path";
import { beforeEach, expect, it } from "vitest";
import { getPrisma } from "@/lib/db";
import { migrationsFolder } from "@/lib/db/migrations";
import { resetDatabase } from "@/lib/testing/database";
import { leadConnectorMessage } from "@/lib/testing/leadconnector-payloads";
import { postWebhook } from "@/lib/testing/webhooks";

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
        "leadconnector",
        leadConnectorMessage({ conversationId: `t${t}`, dateAdded: at(t * 10 + i), ...extra }),
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

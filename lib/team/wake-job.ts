import { z } from "zod";
import { getPrisma } from "@/lib/db";
import { defineJob } from "@/lib/jobs/definition";
import { publishConversationChanges } from "@/lib/live/bus";
import { SYSTEM_ACTOR } from "./actor";
import { recordActivity } from "./activity";
import { WAKE_JOB_KIND } from "./snooze";

// The wake-up at a snooze's time. Idempotent (at-least-once): it acts only on the snooze it was
// made for, so a rerun, a later re-snooze or an earlier "Unsnooze" makes it a no-op. A job whose
// time passed while no worker ran wakes the conversation as soon as one starts.

const payloadSchema = z.object({ conversationId: z.string(), until: z.iso.datetime() });

export const wakeConversationJob = defineJob({
  kind: WAKE_JOB_KIND,
  payload: payloadSchema,
  semantics: "at-least-once",
  maxAttempts: 10,
  leaseMs: 30_000,
  concurrency: 4,
  async run({ conversationId, until }) {
    const prisma = await getPrisma();
    const woken = await prisma.$transaction(async (tx) => {
      const [row] = await tx.$queryRaw<
        Array<{ account_id: string; assignee_id: string | null; customer_wrote: boolean }>
      >`UPDATE conversations c SET snoozed_until = NULL, snoozed_at = NULL
        FROM (SELECT id, COALESCE(last_inbound_at > snoozed_at, false) AS customer_wrote FROM conversations
              WHERE id = ${conversationId} AND snoozed_until = ${new Date(until)} FOR UPDATE) before
        WHERE c.id = before.id
        RETURNING c.account_id, c.assignee_id, before.customer_wrote`;
      // Already woken by the customer (it is unread for everyone then) or by a person: nothing to do.
      if (!row || row.customer_wrote) return row ?? null;
      // Back as unread for whoever has it, or for the whole account when nobody does.
      await tx.$executeRaw`
        INSERT INTO conversation_reads (user_id, conversation_id, read_at, marked_unread)
        SELECT m.user_id, ${conversationId}, '-infinity'::timestamptz, true FROM memberships m
        WHERE m.account_id = ${row.account_id} AND (${row.assignee_id}::text IS NULL OR m.user_id = ${row.assignee_id})
        UNION SELECT ${row.assignee_id}::text, ${conversationId}, '-infinity'::timestamptz, true WHERE ${row.assignee_id}::text IS NOT NULL
        ON CONFLICT (user_id, conversation_id) DO UPDATE SET marked_unread = true`;
      await recordActivity(tx, { accountId: row.account_id, conversationId, actor: SYSTEM_ACTOR, kind: "woke" });
      return row;
    });
    if (woken) publishConversationChanges(woken.account_id, [conversationId]);
    return { outcome: "done" };
  },
});

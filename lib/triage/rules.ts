import { accountCondition, type AccountScope } from "@/lib/access/scope";
import type { Db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";

// What each message means for triage, as SQL over a messages row (alias given): the one place
// these rules live for ingestion and recomputation (the triage migration's backfill and the
// report rollups, last defined in 20261206130100_urgent_callbacks_closing, repeat them: change
// them together; lib/triage/backfill.test.ts checks they agree on random histories). docs/triage-rules.md says
// the same in words.
//   asks     — the customer wrote: an inbound message on any channel but calls and voicemail,
//              unless it only closes the exchange (messages.closing, lib/triage/closing.ts).
//   answers  — a reply on any channel (an outbound message; an outbound call only if answered
//              or a voicemail was left), or an answered call either way.
//   missed   — an inbound call not answered (no answer, busy, failed, went to voicemail), an
//              inbound voicemail, or a Voice AI call that was urgent or promised a callback
//              (messages.callback_due_at, lib/triage/urgent-callback.ts).
//   returns  — any later outbound call, or an answered call that promised nothing.

type Alias = Prisma.Sql;

export const asks = (m: Alias) =>
  Prisma.sql`(${m}.direction = 'inbound' AND ${m}.channel NOT IN ('call', 'voicemail') AND NOT ${m}.closing)`;

export const answers = (m: Alias) => Prisma.sql`(
  (${m}.direction = 'outbound' AND (${m}.channel <> 'call' OR ${m}.call_outcome IN ('answered', 'voicemail')))
  OR (${m}.direction = 'inbound' AND ${m}.channel = 'call' AND ${m}.call_outcome = 'answered'))`;

export const missed = (m: Alias) => Prisma.sql`((${m}.direction = 'inbound'
  AND (${m}.channel = 'voicemail' OR (${m}.channel = 'call' AND ${m}.call_outcome IN ('no_answer', 'busy', 'failed', 'voicemail'))))
  OR ${m}.callback_due_at IS NOT NULL)`;

export const returns = (m: Alias) =>
  Prisma.sql`(${m}.channel = 'call' AND (${m}.direction = 'outbound' OR ${m}.call_outcome = 'answered') AND ${m}.callback_due_at IS NULL)`;

const NEVER = Prisma.sql`'-infinity'::timestamptz`;

/**
 * The state columns' new values when message `m` is the conversation's newest (`c` its row
 * before the change): last_inbound_at moves only for a newest customer message (late history is
 * not news: it neither makes the conversation unread nor reopens a done one), a reply clears the wait, a customer message starts one unless one is
 * running, and nothing from before "done" counts.
 */
export function stateAfterNewest(m: Alias, c: Alias): Prisma.Sql {
  const afterDone = Prisma.sql`${m}.sent_at > COALESCE(${c}.done_at, ${NEVER})`;
  // An older message leaves them to recomputeTriage.
  const older = Prisma.sql`${c}.last_message_at > ${m}.sent_at`;
  return Prisma.sql`
    last_inbound_at = CASE WHEN ${m}.direction = 'inbound' AND NOT COALESCE(${older}, false) THEN ${m}.sent_at ELSE ${c}.last_inbound_at END,
    awaiting_reply_since = CASE WHEN ${older} THEN ${c}.awaiting_reply_since WHEN ${answers(m)} THEN NULL
      WHEN ${asks(m)} AND ${afterDone} THEN COALESCE(${c}.awaiting_reply_since, ${m}.sent_at)
      ELSE ${c}.awaiting_reply_since END,
    callback_since = CASE WHEN ${older} THEN ${c}.callback_since WHEN ${returns(m)} THEN NULL
      WHEN ${missed(m)} AND ${afterDone} THEN COALESCE(${c}.callback_since, ${m}.sent_at)
      ELSE ${c}.callback_since END`;
}

/**
 * Recomputes a conversation's waits from all its messages: used when a message older than the
 * newest arrives (out of order) and when "done" is undone. Order-independent by construction:
 * the first customer message after the last answer (and after done), likewise for calls.
 */
export async function recomputeTriage(db: Db, scope: AccountScope, conversationId: string): Promise<void> {
  const first = (rule: (m: Alias) => Prisma.Sql, clearedBy: (m: Alias) => Prisma.Sql) => Prisma.sql`(
    SELECT min(m.sent_at) FROM messages m
    WHERE m.conversation_id = c.id AND ${rule(Prisma.raw("m"))}
      AND m.sent_at > GREATEST(COALESCE(c.done_at, ${NEVER}), COALESCE((
        SELECT max(a.sent_at) FROM messages a WHERE a.conversation_id = c.id AND ${clearedBy(Prisma.raw("a"))}
      ), ${NEVER})))`;
  await db.$executeRaw`
    UPDATE conversations c SET
      awaiting_reply_since = ${first(asks, answers)},
      callback_since = ${first(missed, returns)}
    WHERE c.id = ${conversationId} AND ${accountCondition(scope, Prisma.sql`c.account_id`)}`;
}

import { Prisma } from "@/lib/generated/prisma/client";
import { isSnoozed } from "@/lib/team/snooze";
import { isDone } from "@/lib/triage/done";
import { unreadCountFor, unreadFor, type ReaderId } from "@/lib/triage/read-state";
import { missed } from "@/lib/triage/rules";
import type { ConversationListQuery } from "@/lib/inbox/validations";

// The built-in views of the list (issue #13): each is a condition, an order and the column its
// keyset cursor walks. Needs reply and Callbacks serve the longest wait first from their own
// partial indexes (prisma/migrations/20261123210000_triage).

export interface ViewPlan {
  conditions: Prisma.Sql[];
  /** The sort column; rows are ordered by it then id, newest first unless `ascending`. */
  sortColumn: Prisma.Sql;
  ascending: boolean;
}

type PlanQuery = Pick<ConversationListQuery, "view" | "state" | "unread"> &
  Partial<Pick<ConversationListQuery, "q" | "customerId">>;

/** SQL: `c` has a note that mentions the reader (only those not seen yet, for the count). */
export const mentionsOf = (reader: ReaderId, unseenOnly = false) => Prisma.sql`EXISTS (SELECT 1 FROM note_mentions nm
  WHERE nm.conversation_id = c.id AND nm.user_id = ${reader} ${unseenOnly ? Prisma.sql`AND nm.seen_at IS NULL` : Prisma.empty})`;

export function viewPlan(query: PlanQuery, reader: ReaderId): ViewPlan {
  const conditions: Prisma.Sql[] = [];
  // Snoozed conversations are put away: only the Snoozed view lists them (a search or a
  // customer's conversation list still finds them: that is looking, not working a queue).
  if (query.view === "snoozed") {
    conditions.push(Prisma.sql`AND ${isSnoozed}`);
    return { conditions, sortColumn: Prisma.sql`c.snoozed_until`, ascending: true };
  }
  if (!query.q && !query.customerId) conditions.push(Prisma.sql`AND NOT ${isSnoozed}`);
  // Mine and Unassigned are work still to do: open conversations only.
  if (query.view === "mine") conditions.push(Prisma.sql`AND c.assignee_id = ${reader} AND NOT ${isDone}`);
  if (query.view === "unassigned") conditions.push(Prisma.sql`AND c.assignee_id IS NULL AND NOT ${isDone}`);
  if (query.view === "mentions") conditions.push(Prisma.sql`AND ${mentionsOf(reader)}`);
  if (query.view === "unread" || query.unread) conditions.push(Prisma.sql`AND ${unreadFor(reader)}`);
  const state = query.view === "done" ? "done" : query.state;
  if (state === "done") conditions.push(Prisma.sql`AND ${isDone}`);
  if (state === "open") conditions.push(Prisma.sql`AND NOT ${isDone}`);
  if (query.view === "needs-reply") {
    conditions.push(Prisma.sql`AND c.awaiting_reply_since IS NOT NULL`);
    return { conditions, sortColumn: Prisma.sql`c.awaiting_reply_since`, ascending: true };
  }
  if (query.view === "callbacks") {
    // Soonest due first: overdue callbacks lead (docs/triage-rules.md).
    conditions.push(Prisma.sql`AND c.callback_since IS NOT NULL`);
    return { conditions, sortColumn: callbackDue, ascending: true };
  }
  if (query.view === "not-delivered") conditions.push(Prisma.sql`AND ${notDelivered}`);
  return { conditions, sortColumn: Prisma.sql`c.last_message_at`, ascending: false };
}

/**
 * SQL: when `c`'s running callback is due: the earliest time a Voice AI call in it promised
 * (messages.callback_due_at), else the account's callback SLA after the wait began.
 */
export const callbackDue = Prisma.sql`COALESCE(
  (SELECT min(pm.callback_due_at) FROM messages pm
   WHERE pm.conversation_id = c.id AND pm.sent_at >= c.callback_since AND pm.callback_due_at IS NOT NULL),
  c.callback_since + (SELECT ca.callback_sla_minutes FROM accounts ca WHERE ca.id = c.account_id) * interval '1 minute')`;

/** SQL: `c` carries the label (the label filter; from the label's index to its conversations). */
export const labelCondition = (labelId: string | undefined) =>
  labelId
    ? Prisma.sql`AND c.id IN (SELECT cl.conversation_id FROM conversation_labels cl WHERE cl.label_id = ${labelId})`
    : Prisma.empty;

/**
 * SQL: conversation `c` has an outbound message that did not go out and nobody has dealt with: a
 * reply from here that HighLevel refused or that may not have gone (until it is retried or
 * dismissed), or a message HighLevel reports failed (sent from its own app) with no outbound
 * message delivered after it. Both read partial indexes (migration 20261205060000). Written as
 * `c.id IN (…)` from those few rows, not as an EXISTS per conversation: counting the view at 1M
 * messages took 1.8 s when every conversation was checked, 0.37 s (cold) from the failed ones.
 */
export const notDelivered = Prisma.sql`c.id IN (
  SELECT r.conversation_id FROM replies r WHERE r.state IN ('not_delivered', 'unknown')
  UNION ALL
  SELECT m.conversation_id FROM messages m WHERE m.direction = 'outbound'
    AND m.status IN ('failed', 'undelivered')
    AND NOT EXISTS (SELECT 1 FROM replies r WHERE r.message_id = m.id)
    AND NOT EXISTS (
      SELECT 1 FROM messages later WHERE later.conversation_id = m.conversation_id AND later.direction = 'outbound'
        AND later.sent_at > m.sent_at AND later.status IN ('sent', 'delivered', 'read', 'completed')))`;

export function keysetCondition(plan: ViewPlan, cursor: { at: Date; id: string }): Prisma.Sql {
  return plan.ascending
    ? Prisma.sql`AND (${plan.sortColumn}, c.id) > (${cursor.at}, ${cursor.id})`
    : Prisma.sql`AND (${plan.sortColumn}, c.id) < (${cursor.at}, ${cursor.id})`;
}

export const orderBy = (plan: ViewPlan) =>
  plan.ascending ? Prisma.sql`${plan.sortColumn} ASC, c.id ASC` : Prisma.sql`${plan.sortColumn} DESC, c.id DESC`;

/**
 * Triage columns of a list row: the reader's unread count; for a callback when it is due, whether
 * a Voice AI call made it urgent, the newest missed call's recording (a voicemail) and whether an
 * SMS went out after it (a text-back); whether the newest message only closed the exchange.
 */
export const triageColumns = (reader: ReaderId) => Prisma.sql`,
  c.awaiting_reply_since, c.callback_since, c.done_at, ${isDone} AS done,
  CASE WHEN ${isSnoozed} THEN c.snoozed_until END AS snoozed_until, c.snoozed_until AS snooze_key,
  c.assignee_id, (SELECT COALESCE(NULLIF(u.name, ''), u.email) FROM users u WHERE u.id = c.assignee_id) AS assignee_name,
  (SELECT COALESCE(json_agg(json_build_object('id', l.id, 'name', l.name, 'color', l.color) ORDER BY lower(l.name)), '[]')
   FROM conversation_labels cl JOIN labels l ON l.id = cl.label_id WHERE cl.conversation_id = c.id) AS labels,
  ${Prisma.sql`(${unreadCountFor(reader)})`} AS viewer_unread_count,
  CASE WHEN c.callback_since IS NOT NULL THEN (
    SELECT json_build_object('id', a.id, 'url', a.url, 'kind', a.kind, 'playable', a.playable)
    FROM messages m JOIN attachments a ON a.message_id = m.id
    WHERE m.conversation_id = c.id AND m.sent_at >= c.callback_since AND ${missed(Prisma.raw("m"))}
    ORDER BY m.sent_at DESC, a.position LIMIT 1) END AS callback_recording,
  CASE WHEN c.callback_since IS NOT NULL THEN ${callbackDue} END AS callback_due_at,
  CASE WHEN c.callback_since IS NOT NULL THEN EXISTS (
    SELECT 1 FROM messages m WHERE m.conversation_id = c.id AND m.sent_at >= c.callback_since
      AND m.callback_due_at IS NOT NULL) END AS callback_urgent,
  (SELECT lm.closing FROM messages lm WHERE lm.id = c.last_message_id) AS last_closing,
  CASE WHEN c.callback_since IS NOT NULL THEN EXISTS (
    SELECT 1 FROM messages m WHERE m.conversation_id = c.id AND m.sent_at > c.callback_since
      AND m.channel = 'sms' AND m.direction = 'outbound') END AS callback_texted_back`;

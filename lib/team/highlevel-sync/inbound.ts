import type { Prisma } from "@/lib/generated/prisma/client";
import { accountLinks } from "./links";
import { assignmentSyncOn } from "./settings";
import { HIGHLEVEL_ACTOR, recordSyncLine } from "./timeline";

// HighLevel's own assignment of a contact (`assignedTo` in its contact webhooks), applied to that
// contact's conversations when the account syncs assignment. A webhook is HighLevel's change only
// when its assignedTo differs from what HighLevel last said or was last told (any contact edit
// repeats the field); then each conversation whose assignee differs takes it if HighLevel's time
// is later than the conversation's own assignment, and keeps its own otherwise. Either way the
// conversation's timeline says what HighLevel did, so both changes show. A HighLevel user linked
// to nobody here leaves the conversation unassigned: HighLevel gave it to someone outside the
// team, so it should not stay in the previous person's Mine, and the line names who has it.

type Tx = Prisma.TransactionClient;

export interface HighLevelAssignmentFacts {
  customerExternalId: string;
  /** A HighLevel user id, or null for nobody. */
  assignedTo: string | null;
  /** HighLevel's time of the change; null: when the delivery arrived. */
  at: Date | null;
}

async function deliveryTime(tx: Tx, webhookEventId: string): Promise<Date> {
  const event = await tx.webhookEvent.findUnique({ where: { id: webhookEventId }, select: { receivedAt: true } });
  return event?.receivedAt ?? new Date();
}

/** Whether HighLevel said something new about the contact's assignee (and remembers it if so). */
async function isChange(tx: Tx, customer: { id: string; accountId: string }, assignedTo: string | null, at: Date) {
  const [known] = await tx.$queryRaw<Array<{ highlevel_user_id: string | null; changed_at: Date }>>`
    SELECT highlevel_user_id, changed_at FROM highlevel_contact_assignments WHERE customer_id = ${customer.id} FOR UPDATE`;
  // Older than what HighLevel already told us: a late delivery of a state since replaced.
  if (known && known.changed_at > at) return false;
  await tx.$executeRaw`
    INSERT INTO highlevel_contact_assignments (customer_id, account_id, highlevel_user_id, changed_at)
    VALUES (${customer.id}, ${customer.accountId}, ${assignedTo}, ${at})
    ON CONFLICT (customer_id) DO UPDATE SET highlevel_user_id = EXCLUDED.highlevel_user_id, changed_at = EXCLUDED.changed_at`;
  return !known || known.highlevel_user_id !== assignedTo;
}

/** Applies HighLevel's assignment; answers the conversations whose row or timeline changed. */
export async function applyHighLevelAssignment(
  tx: Tx,
  accountId: string,
  facts: HighLevelAssignmentFacts,
  webhookEventId: string,
): Promise<string[]> {
  if (!(await assignmentSyncOn(tx, accountId))) return [];
  const customer = await tx.customer.findUnique({
    where: { accountId_externalId: { accountId, externalId: facts.customerExternalId } },
    select: { id: true, accountId: true },
  });
  if (!customer) return [];
  const at = facts.at ?? (await deliveryTime(tx, webhookEventId));
  const assignedTo = facts.assignedTo || null;
  if (!(await isChange(tx, customer, assignedTo, at))) return [];
  const links = await accountLinks(tx, accountId);
  const member = assignedTo ? links.memberOf(assignedTo) : null;
  const conversations = await tx.$queryRaw<Array<{ id: string; assignee_id: string | null; assigned_at: Date | null }>>`
    SELECT id, assignee_id, assigned_at FROM conversations
    WHERE account_id = ${accountId} AND customer_id = ${customer.id} ORDER BY id FOR UPDATE`;
  const touched: string[] = [];
  for (const conversation of conversations) {
    const current = conversation.assignee_id;
    // Our own write coming back, or HighLevel agreeing with what is here: nothing happened.
    const same =
      current === null ? assignedTo === null : assignedTo !== null && links.highLevelIdOf(current) === assignedTo;
    if (same) continue;
    const applied = !conversation.assigned_at || at > conversation.assigned_at;
    if (applied)
      await tx.$executeRaw`UPDATE conversations SET assignee_id = ${member?.id ?? null}, assigned_at = ${at} WHERE id = ${conversation.id}`;
    const named = assignedTo
      ? {
          assigneeName: member?.name ?? links.highLevelNameOf(assignedTo) ?? "a HighLevel user",
          linked: member !== null,
        }
      : {};
    await recordSyncLine(tx, {
      accountId,
      conversationId: conversation.id,
      kind: "highlevel_assigned",
      actor: HIGHLEVEL_ACTOR,
      detail: { ...named, applied },
      // At HighLevel's time (never in the future: its clock may run ahead of ours).
      at: new Date(Math.min(at.getTime(), Date.now())),
    });
    touched.push(conversation.id);
  }
  return touched;
}

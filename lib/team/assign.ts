import type { RootDb } from "@/lib/db/client";
import type { AccountScope } from "@/lib/access/scope";
import { HttpError } from "@/lib/http/errors";
import { publishConversationChanges } from "@/lib/live/bus";
import type { Actor } from "./actor";
import { recordActivity } from "./activity";
import { lockConversation } from "./conversation-row";
import { queueAssignmentSync } from "./highlevel-sync/queue";
import { membersAmong, type Member } from "./members";

// Assignment is the account's: one person has a conversation (or nobody). Only a member of the
// conversation's own account can be given it; the line in the timeline says who did it.

export interface Assignment {
  id: string;
  assignee: Member | null;
  /** Who had it before: what Undo gives it back to. */
  previousAssigneeId: string | null;
}

export async function assignConversation(
  db: RootDb,
  id: string,
  scope: AccountScope,
  actor: Actor,
  assigneeId: string | null,
): Promise<Assignment> {
  const result = await db.$transaction(async (tx) => {
    const conversation = await lockConversation(tx, id, scope);
    const assignee = assigneeId ? (await membersAmong(tx, conversation.accountId, [assigneeId])).get(assigneeId) : null;
    if (assigneeId && !assignee) throw new HttpError(400, "that person is not a member of this conversation's account");
    const previousAssigneeId = conversation.assigneeId;
    if (previousAssigneeId !== (assignee?.id ?? null)) {
      await tx.conversation.update({ where: { id }, data: { assigneeId: assignee?.id ?? null } });
      await recordActivity(tx, {
        accountId: conversation.accountId,
        conversationId: id,
        actor,
        kind: assignee ? "assigned" : "unassigned",
        detail: assignee ? { assigneeName: assignee.name } : {},
      });
      // To HighLevel too, when the account syncs assignment (a job: never holds this up).
      await queueAssignmentSync(tx, conversation.accountId, [id]);
    }
    return { accountId: conversation.accountId, assignment: { id, assignee: assignee ?? null, previousAssigneeId } };
  });
  publishConversationChanges(result.accountId, [id]);
  return result.assignment;
}

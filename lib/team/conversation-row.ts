import { accountCondition, type AccountScope } from "@/lib/access/scope";
import { Prisma } from "@/lib/generated/prisma/client";
import { NotFoundError } from "@/lib/http/errors";

// Every team action starts here: the conversation, in the actor's scope, locked for the rest of
// the transaction (two people acting at the same moment take turns; the later one wins).

export interface LockedConversation {
  id: string;
  accountId: string;
  assigneeId: string | null;
  snoozedUntil: Date | null;
}

export async function lockConversation(
  tx: Prisma.TransactionClient,
  id: string,
  scope: AccountScope,
): Promise<LockedConversation> {
  const [row] = await tx.$queryRaw<
    Array<{ id: string; account_id: string; assignee_id: string | null; snoozed_until: Date | null }>
  >`SELECT c.id, c.account_id, c.assignee_id, c.snoozed_until FROM conversations c
    WHERE c.id = ${id} AND ${accountCondition(scope, Prisma.sql`c.account_id`)} FOR UPDATE`;
  // Outside the scope is the same as not there (ids cannot be probed).
  if (!row) throw new NotFoundError("conversation");
  return { id: row.id, accountId: row.account_id, assigneeId: row.assignee_id, snoozedUntil: row.snoozed_until };
}

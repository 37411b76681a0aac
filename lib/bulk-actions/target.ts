import { accountCondition, type AccountScope } from "@/lib/access/scope";
import { getPrisma } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { HttpError } from "@/lib/http/errors";
import { searchPlan } from "@/lib/inbox/conversation-search";
import { orderBy, viewPlan } from "@/lib/inbox/conversation-views";
import { type ConversationReader, listFilters } from "@/lib/inbox/conversations";
import { parseViewQuery } from "@/lib/inbox/saved-views";
import { BULK_MAX, type BulkTarget } from "./validations";

// Which conversations a bulk action is about, always decided in the person's scope. Ticked ids
// must all be visible to them: one that is not (another account's, or gone) refuses the whole
// action, so nothing is half done. "All matching" is the list's own query, evaluated here with
// the list's own filters and search.

type Tx = Prisma.TransactionClient;

export interface TargetRow {
  id: string;
  accountId: string;
}

/** The ids a list query matches now, at most BULK_MAX + 1 (one more tells "too many"). */
async function matchingIds(query: string, reader: ConversationReader): Promise<string[]> {
  const parsed = parseViewQuery(query);
  if (!parsed.success) throw new HttpError(400, "that list query is not valid");
  const list = parsed.data;
  const plan = viewPlan(list, reader.readerId);
  const filters = listFilters(list, reader, plan);
  const prisma = await getPrisma();
  const search = list.q ? await searchPlan(prisma, reader.scope, list.q, filters, BULK_MAX + 1, orderBy(plan)) : null;
  const rows = await prisma.$queryRaw<Array<{ id: string }>>`
    ${search?.with ?? Prisma.empty}
    SELECT c.id FROM conversations c WHERE ${search?.where ?? filters} LIMIT ${BULK_MAX + 1}`;
  return rows.map((row) => row.id);
}

/** How many conversations "select all" would take (capped at BULK_MAX + 1). */
export async function countTarget(query: string, reader: ConversationReader): Promise<number> {
  return (await matchingIds(query, reader)).length;
}

/** The target's ids, before the transaction (a search reads on its own connection). */
export async function resolveTarget(target: BulkTarget, reader: ConversationReader): Promise<string[]> {
  const ids = "ids" in target ? [...new Set(target.ids)] : await matchingIds(target.query, reader);
  if (ids.length === 0) throw new HttpError(400, "no conversations match");
  if (ids.length > BULK_MAX)
    throw new HttpError(400, `at most ${BULK_MAX.toLocaleString("en-US")} conversations at once: narrow the filter`);
  return ids;
}

/**
 * Locks every target row in the scope, in id order (two bulk actions over the same rows take
 * turns instead of deadlocking). Any id not there refuses the whole action.
 */
export async function lockTarget(tx: Tx, ids: string[], scope: AccountScope): Promise<TargetRow[]> {
  const rows = await tx.$queryRaw<Array<{ id: string; account_id: string }>>`
    SELECT c.id, c.account_id FROM conversations c
    WHERE c.id = ANY(${ids}::text[]) AND ${accountCondition(scope, Prisma.sql`c.account_id`)}
    ORDER BY c.id FOR UPDATE`;
  if (rows.length < ids.length) {
    const missing = ids.length - rows.length;
    // Another account's conversation is as unknown as one that does not exist (ids cannot be probed).
    throw new HttpError(
      404,
      `${missing === 1 ? "1 of these conversations was" : `${missing} of these conversations were`} not found: nothing was changed`,
    );
  }
  return rows.map((row) => ({ id: row.id, accountId: row.account_id }));
}

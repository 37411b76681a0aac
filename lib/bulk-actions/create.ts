import { randomUUID } from "node:crypto";
import type { Viewer } from "@/lib/access/viewer";
import { getPrisma } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { HttpError } from "@/lib/http/errors";
import { publishConversationChanges } from "@/lib/live/bus";
import { readerOf } from "@/lib/triage/read-state";
import { actorOf } from "@/lib/team/actor";
import { applyChange, recordLines, syncAssignments, timelineLine } from "./changes";
import { recordSnapshot } from "./snapshot";
import { lockTarget, resolveTarget, type TargetRow } from "./target";
import type { BulkActionInput, BulkRequest } from "./validations";

// A bulk action: one transaction that locks the target in the person's scope, checks the action
// fits every conversation in it (an assignee who is a member of each one's account, a label of
// their account), records what each was, applies the change in one statement and writes the
// timeline. Any refusal leaves everything as it was.

type Tx = Prisma.TransactionClient;
type Person = Extract<Viewer, { kind: "user" }>;

export interface BulkActionResult {
  id: string;
  kind: BulkActionInput["kind"];
  /** Conversations in the target. */
  count: number;
  /** Of those, how many it changed (the rest already were as asked). */
  changed: number;
}

/** Bulk actions older than this are forgotten (Undo is offered for seconds, not days). */
const KEEP_FOR = Prisma.sql`interval '1 day'`;

const accountsOf = (rows: TargetRow[]) => [...new Set(rows.map((row) => row.accountId))];

/** The assignee's name, after checking they are a member (or an administrator) of every account in the target. */
async function assigneeName(tx: Tx, assigneeId: string, accountIds: string[]): Promise<string> {
  const [user] = await tx.$queryRaw<Array<{ name: string; outside: number }>>`
    SELECT COALESCE(NULLIF(u.name, ''), u.email) AS name,
      (SELECT count(*)::int FROM unnest(${accountIds}::text[]) a(id)
       WHERE NOT u.is_admin AND NOT EXISTS (SELECT 1 FROM memberships m WHERE m.user_id = u.id AND m.account_id = a.id)) AS outside
    FROM users u WHERE u.id = ${assigneeId}`;
  if (!user || user.outside > 0)
    throw new HttpError(
      400,
      "that person is not a member of every selected conversation's account: nothing was changed",
    );
  return user.name;
}

/** The label's name, after checking every conversation in the target is in the label's account. */
async function labelName(tx: Tx, labelId: string, accountIds: string[]): Promise<string> {
  // Locked for the transaction: a label deleted at the same moment waits, or is already gone (404).
  const [label] = await tx.$queryRaw<Array<{ name: string; accountId: string }>>`
    SELECT name, account_id AS "accountId" FROM labels WHERE id = ${labelId} FOR SHARE`;
  // A label outside the person's accounts is as unknown as one that does not exist.
  if (!label || !accountIds.includes(label.accountId)) throw new HttpError(404, "label not found");
  if (accountIds.length > 1)
    throw new HttpError(
      400,
      `the label ${label.name} belongs to one account: select conversations of that account only`,
    );
  return label.name;
}

async function namesFor(tx: Tx, action: BulkActionInput, accountIds: string[]) {
  if (action.kind === "assign" && action.assigneeId)
    return { assignee: await assigneeName(tx, action.assigneeId, accountIds) };
  if (action.kind === "label" || action.kind === "unlabel")
    return { label: await labelName(tx, action.labelId, accountIds) };
  return {};
}

export async function createBulkAction(person: Person, request: BulkRequest): Promise<BulkActionResult> {
  const reader = { scope: person.scope, readerId: readerOf(person) };
  const ids = await resolveTarget(request.target, reader);
  const { action } = request;
  const id = randomUUID();
  const prisma = await getPrisma();
  const result = await prisma.$transaction(
    async (tx) => {
      const rows = await lockTarget(tx, ids, person.scope);
      const accountIds = accountsOf(rows);
      const names = await namesFor(tx, action, accountIds);
      await tx.$executeRaw`DELETE FROM bulk_actions WHERE created_at < now() - ${KEEP_FOR}`;
      await tx.bulkAction.create({
        data: {
          id,
          userId: person.userId,
          kind: action.kind,
          detail: { ...names, ...("labelId" in action ? { labelId: action.labelId } : {}) },
          count: rows.length,
        },
      });
      const changed = await recordSnapshot(tx, id, ids, action, person.userId);
      await tx.bulkAction.update({ where: { id }, data: { changed } });
      await applyChange(tx, id, action, person.userId);
      if (action.kind === "assign") await syncAssignments(tx, id);
      const line = timelineLine(action, names);
      if (line) await recordLines(tx, id, actorOf(person), line);
      return { rows, changed };
    },
    { timeout: 30_000 },
  );
  // Read state is the person's own: colleagues' lists do not change.
  if (action.kind !== "read" && action.kind !== "unread")
    for (const accountId of accountsOf(result.rows))
      publishConversationChanges(
        accountId,
        result.rows.filter((row) => row.accountId === accountId).map((row) => row.id),
      );
  return { id, kind: action.kind, count: result.rows.length, changed: result.changed };
}

import type { RootDb } from "@/lib/db/client";
import { accountWhere, type AccountScope } from "@/lib/access/scope";
import { HttpError, NotFoundError } from "@/lib/http/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { publishConversationChanges } from "@/lib/live/bus";
import { labelColorSchema, type LabelColor } from "@/lib/vocabulary";
import type { LabelInput, LabelPatch } from "./validations";

// An account's labels: its owners name them and pick a colour; anyone in the account applies
// them (lib/team/conversation-labels.ts). The caller has checked who may do what.

export interface LabelView {
  id: string;
  name: string;
  color: LabelColor;
}

const select = { id: true, name: true, color: true } as const;
const toView = (label: { id: string; name: string; color: string }): LabelView => ({
  id: label.id,
  name: label.name,
  color: labelColorSchema.catch("slate").parse(label.color),
});

/** Two labels of one account differ in more than case. */
const isDuplicateName = (error: unknown) =>
  (error as { code?: string }).code === "P2002" ||
  /labels_account_name_key|unique/i.test(String((error as { message?: string }).message));

export async function listLabels(db: Pick<Prisma.TransactionClient, "label">, accountId: string): Promise<LabelView[]> {
  const labels = await db.label.findMany({ where: { accountId }, orderBy: [{ name: "asc" }, { id: "asc" }], select });
  return labels.map(toView);
}

/** Every label of the accounts in scope, for the list's label filter (with whose it is). */
export async function listLabelsInScope(
  db: RootDb,
  scope: AccountScope,
): Promise<Array<LabelView & { accountId: string }>> {
  const labels = await db.label.findMany({
    where: accountWhere(scope),
    orderBy: [{ name: "asc" }, { id: "asc" }],
    select: { ...select, accountId: true },
    take: 1_000,
  });
  return labels.map((label) => ({ ...toView(label), accountId: label.accountId }));
}

export async function createLabel(db: RootDb, accountId: string, input: LabelInput): Promise<LabelView> {
  try {
    return toView(await db.label.create({ data: { accountId, name: input.name, color: input.color }, select }));
  } catch (error) {
    if (isDuplicateName(error)) throw new HttpError(409, `this account already has a label named "${input.name}"`);
    throw error;
  }
}

export async function updateLabel(
  db: RootDb,
  accountId: string,
  labelId: string,
  patch: LabelPatch,
): Promise<LabelView> {
  const found = await db.label.findFirst({ where: { id: labelId, accountId }, select: { id: true } });
  if (!found) throw new NotFoundError("label");
  try {
    const label = toView(await db.label.update({ where: { id: labelId }, data: patch, select }));
    await touchLabelled(db, accountId, labelId);
    return label;
  } catch (error) {
    if (isDuplicateName(error)) throw new HttpError(409, `this account already has a label named "${patch.name}"`);
    // Deleted by someone else between the check and the update: as gone as if it never was.
    if (isRecordNotFound(error)) throw new NotFoundError("label");
    throw error;
  }
}

export async function deleteLabel(db: RootDb, accountId: string, labelId: string): Promise<void> {
  const ids = await labelledConversations(db, accountId, labelId);
  const { count } = await db.label.deleteMany({ where: { id: labelId, accountId } });
  if (count === 0) throw new NotFoundError("label");
  publishConversationChanges(accountId, ids);
}

async function labelledConversations(db: RootDb, accountId: string, labelId: string): Promise<string[]> {
  const rows = await db.conversationLabel.findMany({
    where: { labelId, label: { accountId } },
    select: { conversationId: true },
    take: 10_000,
  });
  return rows.map((row) => row.conversationId);
}

/** Open pages redraw the chips of a renamed or recoloured label. */
async function touchLabelled(db: RootDb, accountId: string, labelId: string) {
  publishConversationChanges(accountId, await labelledConversations(db, accountId, labelId));
}

const isRecordNotFound = (error: unknown) =>
  typeof error === "object" && error !== null && "code" in error && error.code === "P2025";

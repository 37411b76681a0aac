import type { RootDb } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { HttpError, NotFoundError } from "@/lib/http/errors";
import { accountLinks, type HighLevelUserView, type LinkedMember } from "./links";

// An account's assignment sync as its owners see it in Settings: the switch, whether a token is
// there to write with, how the last fetch of HighLevel's users went, and who is linked to whom.
// The switch is off until an owner turns it on: writing into the customer's CRM is theirs to
// decide, and a token stored for pipeline names may lack the contacts.write scope.

export interface HighLevelSyncView {
  enabled: boolean;
  tokenSet: boolean;
  usersFetchedAt: string | null;
  usersError: string | null;
  highLevelUsers: HighLevelUserView[];
  members: LinkedMember[];
}

type Db = Pick<Prisma.TransactionClient, "highLevelSyncSettings">;

/** Whether the owner turned the sync on (both ways: our assignments out, HighLevel's in). */
export async function assignmentSyncOn(db: Db, accountId: string): Promise<boolean> {
  const row = await db.highLevelSyncSettings.findUnique({ where: { accountId }, select: { assignmentSync: true } });
  return row?.assignmentSync ?? false;
}

export async function requireHighLevelAccount(db: RootDb, accountId: string): Promise<void> {
  const account = await db.account.findUnique({ where: { id: accountId }, select: { provider: true } });
  if (!account) throw new NotFoundError("account");
  if (account.provider !== "highlevel") throw new HttpError(400, "only HighLevel accounts sync with HighLevel");
}

export async function highLevelSyncView(db: RootDb, accountId: string): Promise<HighLevelSyncView> {
  await requireHighLevelAccount(db, accountId);
  const [settings, connection, links] = await Promise.all([
    db.highLevelSyncSettings.findUnique({ where: { accountId } }),
    db.highLevelConnection.findUnique({ where: { accountId }, select: { accountId: true } }),
    accountLinks(db, accountId),
  ]);
  return {
    enabled: settings?.assignmentSync ?? false,
    tokenSet: connection !== null,
    usersFetchedAt: settings?.usersFetchedAt?.toISOString() ?? null,
    usersError: settings?.usersError ?? null,
    highLevelUsers: links.highLevelUsers,
    members: links.members,
  };
}

export async function setAssignmentSync(db: RootDb, accountId: string, enabled: boolean): Promise<void> {
  await requireHighLevelAccount(db, accountId);
  await db.highLevelSyncSettings.upsert({
    where: { accountId },
    create: { accountId, assignmentSync: enabled },
    update: { assignmentSync: enabled },
  });
}

/** How the last fetch of the location's users went (null error: it worked). */
export async function recordUsersFetch(db: RootDb, accountId: string, error: string | null): Promise<void> {
  const outcome = error ? { usersError: error } : { usersError: null, usersFetchedAt: new Date() };
  await db.highLevelSyncSettings.upsert({
    where: { accountId },
    create: { accountId, ...outcome },
    update: outcome,
  });
}

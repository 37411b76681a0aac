import { getPrisma } from "@/lib/db";
import { HttpError } from "@/lib/http/errors";
import { wakeLocalJobWorker } from "@/lib/jobs/local-worker";
import { setUserLink } from "./links";
import { highLevelSyncView, requireHighLevelAccount, type HighLevelSyncView } from "./settings";
import { enqueueUsersFetch } from "./users-job";
import type { UserLinkInput } from "./validations";

// What an owner does in Settings (the routes have checked they own the account).

const isUniqueViolation = (error: unknown) =>
  (error as { code?: string }).code === "P2002" || /unique|duplicate key/i.test(String((error as Error).message));

export async function linkUser(accountId: string, input: UserLinkInput): Promise<HighLevelSyncView> {
  await requireHighLevelAccount(accountId);
  const prisma = await getPrisma();
  try {
    await prisma.$transaction((tx) => setUserLink(tx, accountId, input.userId, input.highLevelUserId));
  } catch (error) {
    // Two owners linking the same HighLevel user at once: the second is told, as for a taken one.
    if (isUniqueViolation(error)) throw new HttpError(409, "that HighLevel user is already linked to someone else");
    throw error;
  }
  return highLevelSyncView(accountId);
}

/** Asks HighLevel for the location's users now (a job: the answer does not wait for it). */
export async function refetchUsers(accountId: string): Promise<HighLevelSyncView> {
  await requireHighLevelAccount(accountId);
  const prisma = await getPrisma();
  if (!(await prisma.highLevelConnection.count({ where: { accountId } })))
    throw new HttpError(400, "store a HighLevel API token first");
  await enqueueUsersFetch(prisma, accountId);
  wakeLocalJobWorker();
  return highLevelSyncView(accountId);
}

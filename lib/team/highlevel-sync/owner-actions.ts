import type { RootDb } from "@/lib/db/client";
import { HttpError } from "@/lib/http/errors";
import { wakeLocalJobWorker } from "@/lib/jobs/local-worker";
import { setUserLink } from "./links";
import { highLevelSyncView, requireHighLevelAccount, type HighLevelSyncView } from "./settings";
import { enqueueUsersFetch } from "./users-job";
import type { UserLinkInput } from "./validations";

// What an owner does in Settings (the routes have checked they own the account).

const isUniqueViolation = (error: unknown) =>
  (error as { code?: string }).code === "P2002" || /unique|duplicate key/i.test(String((error as Error).message));

export async function linkUser(db: RootDb, accountId: string, input: UserLinkInput): Promise<HighLevelSyncView> {
  await requireHighLevelAccount(db, accountId);
  try {
    await db.$transaction((tx) => setUserLink(tx, accountId, input.userId, input.highLevelUserId));
  } catch (error) {
    // Two owners linking the same HighLevel user at once: the second is told, as for a taken one.
    if (isUniqueViolation(error)) throw new HttpError(409, "that HighLevel user is already linked to someone else");
    throw error;
  }
  return highLevelSyncView(db, accountId);
}

/** Asks HighLevel for the location's users now (a job: the answer does not wait for it). */
export async function refetchUsers(db: RootDb, accountId: string): Promise<HighLevelSyncView> {
  await requireHighLevelAccount(db, accountId);
  if (!(await db.highLevelConnection.count({ where: { accountId } })))
    throw new HttpError(400, "store a HighLevel API token first");
  await enqueueUsersFetch(db, accountId);
  wakeLocalJobWorker();
  return highLevelSyncView(db, accountId);
}

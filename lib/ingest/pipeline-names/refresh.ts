import { highLevelTokenOf } from "@/lib/access/credentials/highlevel-token";
import { getPrisma } from "@/lib/db";
import { logger } from "@/lib/logger";
import { HighLevelApiError, type HighLevelRequest } from "@/lib/providers/highlevel/api/client";
import { fetchPipelines } from "@/lib/providers/highlevel/api/pipelines";

// Keeps each HighLevel account's pipeline and stage names (opportunity webhooks carry only ids)
// from HighLevel's API, for accounts whose owner stored a token. An account is due when it was
// never tried, when its last try is an hour old, or, at most every five minutes, when one of its
// opportunities names a pipeline or stage the cache lacks. A failure keeps the names already
// fetched and is shown to the owner in Settings.

const STALE_AFTER_MS = 60 * 60_000;
const MISSING_NAME_THROTTLE_MS = 5 * 60_000;

type Backoff = HighLevelRequest["backoffMs"];

interface DueAccount {
  account_id: string;
  attempted_at: Date | null;
}

async function dueAccounts(now: Date): Promise<DueAccount[]> {
  const prisma = await getPrisma();
  const stale = new Date(now.getTime() - STALE_AFTER_MS);
  const throttle = new Date(now.getTime() - MISSING_NAME_THROTTLE_MS);
  return prisma.$queryRaw<DueAccount[]>`
    SELECT c.account_id, c.attempted_at FROM highlevel_connections c
    WHERE c.attempted_at IS NULL OR c.attempted_at < ${stale}
       OR (c.attempted_at < ${throttle} AND EXISTS (
         SELECT 1 FROM opportunities o
         WHERE o.account_id = c.account_id AND o.deleted_at IS NULL AND (
           (o.stage_id IS NOT NULL AND o.stage_name IS NULL AND NOT EXISTS (
             SELECT 1 FROM highlevel_stages s WHERE s.account_id = o.account_id AND s.external_id = o.stage_id))
           OR (o.pipeline_id IS NOT NULL AND o.pipeline_name IS NULL AND NOT EXISTS (
             SELECT 1 FROM highlevel_pipelines p WHERE p.account_id = o.account_id AND p.external_id = o.pipeline_id)))))
    ORDER BY c.attempted_at ASC NULLS FIRST`;
}

/** Marks the attempt, unless another process (or pass) already did since we looked: one fetch per turn. */
async function claim(account: DueAccount, now: Date): Promise<boolean> {
  const prisma = await getPrisma();
  const claimed = await prisma.highLevelConnection.updateMany({
    where: { accountId: account.account_id, attemptedAt: account.attempted_at },
    data: { attemptedAt: now },
  });
  return claimed.count === 1;
}

export type RefreshOutcome = { ok: true; pipelines: number; stages: number } | { ok: false; error: string };

/** Fetches one account's pipelines and replaces its cached names; records the outcome either way. */
export async function refreshPipelineNames(accountId: string, backoffMs?: Backoff): Promise<RefreshOutcome> {
  const prisma = await getPrisma();
  const account = await prisma.account.findUniqueOrThrow({ where: { id: accountId }, select: { externalId: true } });
  try {
    let token: string | null;
    try {
      token = await highLevelTokenOf(accountId);
    } catch {
      throw new HighLevelApiError(
        "the stored token cannot be opened (the server secret changed): store it again",
        null,
      );
    }
    if (!token) return { ok: false, error: "no token" };
    const pipelines = await fetchPipelines(account.externalId, { token, backoffMs });
    const stages = pipelines.flatMap((pipeline) =>
      pipeline.stages.map((stage) => ({ accountId, externalId: stage.id, pipelineExternalId: pipeline.id, ...stage })),
    );
    await prisma.$transaction([
      prisma.highLevelPipeline.deleteMany({ where: { accountId } }),
      prisma.highLevelStage.deleteMany({ where: { accountId } }),
      prisma.highLevelPipeline.createMany({
        data: pipelines.map((pipeline) => ({ accountId, externalId: pipeline.id, name: pipeline.name })),
        skipDuplicates: true,
      }),
      prisma.highLevelStage.createMany({
        data: stages.map(({ id: _id, ...stage }) => stage),
        skipDuplicates: true,
      }),
      prisma.highLevelConnection.updateMany({
        where: { accountId },
        data: { succeededAt: new Date(), lastError: null },
      }),
    ]);
    return { ok: true, pipelines: pipelines.length, stages: stages.length };
  } catch (error) {
    // Only our own messages reach the owner: they never hold the token or HighLevel's body.
    const message = error instanceof HighLevelApiError ? error.message : "refreshing pipeline names failed";
    logger.warn("highlevel: pipeline names not refreshed", { accountId, error: message });
    await prisma.highLevelConnection.updateMany({ where: { accountId }, data: { lastError: message } });
    return { ok: false, error: message };
  }
}

/** One pass: refreshes every due account, one after another (a handful of requests an hour each). */
export async function refreshDuePipelineNames(backoffMs?: Backoff): Promise<number> {
  const now = new Date();
  let refreshed = 0;
  for (const account of await dueAccounts(now)) {
    if (!(await claim(account, now))) continue;
    await refreshPipelineNames(account.account_id, backoffMs);
    refreshed++;
  }
  return refreshed;
}

import { accountWhere, type AccountScope } from "@/lib/access/scope";
import type { Db } from "@/lib/db/client";

// Pipeline and stage names fetched from HighLevel's API (lib/ingest/pipeline-names), for
// opportunities whose webhook carried only the ids. Looked up within the opportunity's account.

interface NameRef {
  accountId: string;
  pipelineId: string | null;
  stageId: string | null;
}

const key = (accountId: string, externalId: string) => `${accountId}\u0000${externalId}`;
const unique = (values: Array<string | null>) => [...new Set(values.filter((value): value is string => !!value))];

export async function pipelineNames(db: Db, scope: AccountScope, refs: NameRef[]) {
  const pipelines = new Map<string, string>();
  const stages = new Map<string, string>();
  const accountIds = unique(refs.map((ref) => ref.accountId));
  const pipelineIds = unique(refs.map((ref) => ref.pipelineId));
  const stageIds = unique(refs.map((ref) => ref.stageId));
  if (pipelineIds.length + stageIds.length > 0) {
    const where = { AND: [{ accountId: { in: accountIds } }, accountWhere(scope)] };
    const [pipelineRows, stageRows] = await Promise.all([
      pipelineIds.length ? db.highLevelPipeline.findMany({ where: { ...where, externalId: { in: pipelineIds } } }) : [],
      stageIds.length ? db.highLevelStage.findMany({ where: { ...where, externalId: { in: stageIds } } }) : [],
    ]);
    for (const row of pipelineRows) pipelines.set(key(row.accountId, row.externalId), row.name);
    for (const row of stageRows) stages.set(key(row.accountId, row.externalId), row.name);
  }
  return {
    pipelineOf: (ref: NameRef) => (ref.pipelineId ? (pipelines.get(key(ref.accountId, ref.pipelineId)) ?? null) : null),
    stageOf: (ref: NameRef) => (ref.stageId ? (stages.get(key(ref.accountId, ref.stageId)) ?? null) : null),
  };
}

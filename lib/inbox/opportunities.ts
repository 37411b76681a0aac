import { accountWhere, type AccountScope } from "@/lib/access/scope";
import type { Db } from "@/lib/db/client";
import { isoOrNull } from "@/lib/db/dates";
import { pipelineNames } from "@/lib/inbox/pipeline-names";
import { teammateNames } from "@/lib/inbox/teammates";

// A customer's opportunities for the panel beside the thread. Names are names: a pipeline or
// stage we know only by id answers null (the panel says "Unnamed stage" and shows the id on
// hover), never the id dressed as a name. A payload's own names win over those fetched from
// HighLevel's API (cached per account when an owner stored an API token).

export async function listCustomerOpportunities(db: Db, scope: AccountScope, customerId: string) {
  const rows = await db.opportunity.findMany({
    where: { customerId, deletedAt: null, ...accountWhere(scope) },
    orderBy: [{ providerUpdatedAt: { sort: "desc", nulls: "last" } }, { createdAt: "desc" }],
  });
  const [owners, fetched] = await Promise.all([
    teammateNames(
      db,
      scope,
      rows.flatMap((row) => (row.ownerId ? [{ accountId: row.accountId, externalId: row.ownerId }] : [])),
    ),
    pipelineNames(
      db,
      scope,
      rows.filter((row) => !row.pipelineName || !row.stageName),
    ),
  ]);
  return rows.map((row) => ({
    id: row.id,
    externalId: row.externalId,
    name: row.name,
    pipeline: row.pipelineName ?? fetched.pipelineOf(row),
    pipelineId: row.pipelineId,
    stage: row.stageName ?? fetched.stageOf(row),
    stageId: row.stageId,
    status: row.status,
    value: row.monetaryValue === null ? null : Number(row.monetaryValue),
    currency: row.currency ?? "USD",
    score: row.score,
    owner: row.ownerName ?? (row.ownerId ? owners.nameOf({ accountId: row.accountId, externalId: row.ownerId }) : null),
    ownerId: row.ownerId,
    updatedAt: isoOrNull(row.providerUpdatedAt ?? row.updatedAt),
  }));
}
export type OpportunitySummary = Awaited<ReturnType<typeof listCustomerOpportunities>>[number];

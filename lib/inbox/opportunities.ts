import { getPrisma } from "@/lib/db";

export async function listCustomerOpportunities(customerId: string) {
  const prisma = await getPrisma();
  const rows = await prisma.opportunity.findMany({
    where: { customerId, deletedAt: null },
    orderBy: [{ providerUpdatedAt: { sort: "desc", nulls: "last" } }, { createdAt: "desc" }],
  });
  return rows.map((row) => ({
    id: row.id,
    externalId: row.externalId,
    name: row.name,
    pipeline: row.pipelineName ?? row.pipelineId,
    pipelineId: row.pipelineId,
    stage: row.stageName ?? row.stageId,
    stageId: row.stageId,
    status: row.status,
    value: row.monetaryValue === null ? null : Number(row.monetaryValue),
    currency: row.currency ?? "USD",
    score: row.score,
    owner: row.ownerName ?? row.ownerId,
    updatedAt: (row.providerUpdatedAt ?? row.updatedAt).toISOString(),
  }));
}
export type OpportunitySummary = Awaited<ReturnType<typeof listCustomerOpportunities>>[number];

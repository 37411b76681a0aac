import { answer, contractRoute } from "@/lib/contracts/contract-route";
import { bulkActionRoute } from "@/lib/contracts/team";
import { createBulkAction } from "@/lib/bulk-actions/create";

export const runtime = "nodejs";

// { target: { ids } | { query }, action: { kind, … } }: one action on many conversations, in one
// transaction; the answer's id is what Undo takes (POST /api/bulk-actions/:id/undo).
export const POST = contractRoute(bulkActionRoute, async ({ body: input }, person) => {
  return answer({ bulkAction: await createBulkAction(person, input) }, { status: 201 });
});

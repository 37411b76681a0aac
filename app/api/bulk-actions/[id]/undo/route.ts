import { contractRoute } from "@/lib/contracts/contract-route";
import { undoBulkActionRoute } from "@/lib/contracts/team";
import { undoBulkAction } from "@/lib/bulk-actions/undo";

export const runtime = "nodejs";

// Puts back what the person's bulk action changed (within a minute of it).
export const POST = contractRoute(undoBulkActionRoute, async ({ params: { id } }, person) => {
  return undoBulkAction(person, id);
});

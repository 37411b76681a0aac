import { contractRoute } from "@/lib/contracts/contract-route";
import { bulkMatchingRoute } from "@/lib/contracts/team";
import { readerOf } from "@/lib/triage/read-state";
import { countTarget } from "@/lib/bulk-actions/target";
import { BULK_MAX } from "@/lib/bulk-actions/validations";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

// ?query=<the list's query string>: how many conversations "select all matching" would take
// (counted up to BULK_MAX + 1; `capped` says there are more than an action may take).
export const GET = contractRoute(bulkMatchingRoute, async ({ query: { query } }, person) => {
  const count = await countTarget(query, { scope: person.scope, readerId: readerOf(person) });
  return { count: Math.min(count, BULK_MAX), capped: count > BULK_MAX, max: BULK_MAX };
});

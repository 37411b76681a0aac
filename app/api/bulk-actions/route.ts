import { authedRoute } from "@/lib/access/authed-route";
import { requirePerson } from "@/lib/access/require-person";
import { readJson } from "@/lib/http/read-body";
import { createBulkAction } from "@/lib/bulk-actions/create";
import { bulkRequestSchema } from "@/lib/bulk-actions/validations";

export const runtime = "nodejs";

// { target: { ids } | { query }, action: { kind, … } }: one action on many conversations, in one
// transaction; the answer's id is what Undo takes (POST /api/bulk-actions/:id/undo).
export const POST = authedRoute(async (request: Request, _context: unknown, viewer) => {
  const person = requirePerson(viewer, "bulk actions");
  const input = await readJson(request, bulkRequestSchema);
  return Response.json({ bulkAction: await createBulkAction(person, input) }, { status: 201 });
});

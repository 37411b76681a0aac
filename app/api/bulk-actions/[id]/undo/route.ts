import { authedRoute } from "@/lib/access/authed-route";
import { requirePerson } from "@/lib/access/require-person";
import { undoBulkAction } from "@/lib/bulk-actions/undo";

export const runtime = "nodejs";

type Context = { params: Promise<{ id: string }> };

// Puts back what the person's bulk action changed (within a minute of it).
export const POST = authedRoute(async (_request: Request, { params }: Context, viewer) => {
  const person = requirePerson(viewer, "bulk actions");
  const { id } = await params;
  return Response.json(await undoBulkAction(person, id));
});

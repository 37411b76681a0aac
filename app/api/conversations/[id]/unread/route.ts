import { authedRoute } from "@/lib/access/authed-route";
import { getPrisma } from "@/lib/db";
import { NotFoundError } from "@/lib/http/errors";
import { markUnreadFor } from "@/lib/triage/read-state";

export const runtime = "nodejs";

// Unread again for the signed-in person only, until they open it ("u").
export const POST = authedRoute(async (_request: Request, { params }: { params: Promise<{ id: string }> }, viewer) => {
  const { id } = await params;
  if (viewer.kind !== "user" || !(await markUnreadFor(await getPrisma(), viewer.scope, viewer.userId, id)))
    throw new NotFoundError("conversation");
  return Response.json({ id, unread: true });
});

import { authedRoute } from "@/lib/access/authed-route";
import { requireAccountOwner } from "@/lib/access/require-owner";
import { refetchUsers } from "@/lib/team/highlevel-sync/owner-actions";

export const runtime = "nodejs";

type Context = { params: Promise<{ id: string }> };

/** Fetches the location's users from HighLevel again (queued; the answer is the view as it is now). */
export const POST = authedRoute(async (_request: Request, { params }: Context, viewer) => {
  const { id } = await params;
  await requireAccountOwner(viewer, id);
  return Response.json(await refetchUsers(id), { status: 202 });
});

import { authedRoute } from "@/lib/access/authed-route";
import { deleteSavedView } from "@/lib/inbox/saved-views";
import { requirePerson } from "@/lib/access/require-person";

export const runtime = "nodejs";

type Context = { params: Promise<{ id: string }> };

export const DELETE = authedRoute(async (_request: Request, { params }: Context, viewer) => {
  const { id } = await params;
  await deleteSavedView(requirePerson(viewer, "saved views"), id, viewer.scope);
  return new Response(null, { status: 204 });
});

import { authedRoute } from "@/lib/access/authed-route";
import { getPrisma } from "@/lib/db";
import { deleteSavedView } from "@/lib/inbox/saved-views";
import { requirePerson } from "@/lib/access/require-person";

export const runtime = "nodejs";

type Context = { params: Promise<{ id: string }> };

export const DELETE = authedRoute(async (_request: Request, { params }: Context, viewer) => {
  const { id } = await params;
  await deleteSavedView(await getPrisma(), viewer.scope, requirePerson(viewer, "saved views"), id);
  return new Response(null, { status: 204 });
});

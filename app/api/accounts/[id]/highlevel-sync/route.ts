import { authedRoute } from "@/lib/access/authed-route";
import { requireAccountOwner } from "@/lib/access/require-owner";
import { readJson } from "@/lib/http/read-body";
import { highLevelSyncView, setAssignmentSync } from "@/lib/team/highlevel-sync/settings";
import { assignmentSyncToggleSchema } from "@/lib/team/highlevel-sync/validations";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

// An account's assignment sync with HighLevel (owners): the switch, the users and who is linked.
export const GET = authedRoute(async (_request: Request, { params }: Context, viewer) => {
  const { id } = await params;
  await requireAccountOwner(viewer, id);
  return Response.json(await highLevelSyncView(id));
});

/** `{ enabled }`: turns the sync on or off, both ways. */
export const PATCH = authedRoute(async (request: Request, { params }: Context, viewer) => {
  const { id } = await params;
  await requireAccountOwner(viewer, id);
  const { enabled } = await readJson(request, assignmentSyncToggleSchema);
  await setAssignmentSync(id, enabled);
  return Response.json(await highLevelSyncView(id));
});

import { authedRoute } from "@/lib/access/authed-route";
import { requireAccountOwner } from "@/lib/access/require-owner";
import { readJson } from "@/lib/http/read-body";
import { deleteLabel, updateLabel } from "@/lib/team/labels";
import { labelPatchSchema } from "@/lib/team/validations";

export const runtime = "nodejs";

type Context = { params: Promise<{ id: string; labelId: string }> };

// An owner renames or recolours a label ({ name?, color? }), or deletes it (from every conversation).
export const PATCH = authedRoute(async (request: Request, { params }: Context, viewer) => {
  const { id, labelId } = await params;
  await requireAccountOwner(viewer, id);
  const patch = await readJson(request, labelPatchSchema);
  return Response.json({ label: await updateLabel(id, labelId, patch) });
});

export const DELETE = authedRoute(async (_request: Request, { params }: Context, viewer) => {
  const { id, labelId } = await params;
  await requireAccountOwner(viewer, id);
  await deleteLabel(id, labelId);
  return new Response(null, { status: 204 });
});

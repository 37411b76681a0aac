import { getPrisma } from "@/lib/db";
import { contractRoute } from "@/lib/contracts/contract-route";
import { deleteLabelRoute, updateLabelRoute } from "@/lib/contracts/settings";
import { deleteLabel, updateLabel } from "@/lib/team/labels";

export const runtime = "nodejs";

// An owner renames or recolours a label ({ name?, color? }), or deletes it (from every conversation).
export const PATCH = contractRoute(updateLabelRoute, async ({ params: { id, labelId }, body: patch }) => {
  return { label: await updateLabel(await getPrisma(), id, labelId, patch) };
});

export const DELETE = contractRoute(deleteLabelRoute, async ({ params: { id, labelId } }) => {
  await deleteLabel(await getPrisma(), id, labelId);
  return null;
});

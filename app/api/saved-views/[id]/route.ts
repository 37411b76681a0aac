import { getPrisma } from "@/lib/db";
import { contractRoute } from "@/lib/contracts/contract-route";
import { deleteSavedViewRoute } from "@/lib/contracts/team";
import { deleteSavedView } from "@/lib/inbox/saved-views";

export const runtime = "nodejs";

export const DELETE = contractRoute(deleteSavedViewRoute, async ({ params: { id } }, person) => {
  await deleteSavedView(await getPrisma(), person.scope, person, id);
  return null;
});

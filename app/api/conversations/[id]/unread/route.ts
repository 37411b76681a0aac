import { contractRoute } from "@/lib/contracts/contract-route";
import { markUnreadRoute } from "@/lib/contracts/conversations";
import { getPrisma } from "@/lib/db";
import { NotFoundError } from "@/lib/http/errors";
import { markUnreadFor } from "@/lib/triage/read-state";

export const runtime = "nodejs";

// Unread again for the signed-in person only, until they open it ("u").
export const POST = contractRoute(markUnreadRoute, async ({ params: { id } }, viewer) => {
  if (viewer.kind !== "user" || !(await markUnreadFor(await getPrisma(), viewer.scope, viewer.userId, id)))
    throw new NotFoundError("conversation");
  return { id, unread: true as const };
});

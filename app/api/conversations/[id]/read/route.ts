import { contractRoute } from "@/lib/contracts/contract-route";
import { markReadRoute } from "@/lib/contracts/conversations";
import { getPrisma } from "@/lib/db";
import { NotFoundError } from "@/lib/http/errors";
import { markReadFor } from "@/lib/triage/read-state";

export const runtime = "nodejs";

// Read for the signed-in person only (API tokens cannot write: 403 before this runs).
export const POST = contractRoute(markReadRoute, async ({ params: { id } }, viewer) => {
  const mentionsSeen =
    viewer.kind === "user" ? await markReadFor(await getPrisma(), viewer.scope, viewer.userId, id) : null;
  if (mentionsSeen === null) throw new NotFoundError("conversation");
  return { id, unreadCount: 0 as const, mentionsSeen };
});

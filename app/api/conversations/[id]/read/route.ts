import { authedRoute } from "@/lib/access/authed-route";
import { getPrisma } from "@/lib/db";
import { NotFoundError } from "@/lib/http/errors";
import { markMentionsSeen } from "@/lib/team/notes";
import { markReadFor } from "@/lib/triage/read-state";

export const runtime = "nodejs";

// Read for the signed-in person only (API tokens cannot write: 403 before this runs).
export const POST = authedRoute(async (_request: Request, { params }: { params: Promise<{ id: string }> }, viewer) => {
  const { id } = await params;
  if (viewer.kind !== "user" || !(await markReadFor(await getPrisma(), viewer.scope, viewer.userId, id)))
    throw new NotFoundError("conversation");
  await markMentionsSeen(viewer.userId, id);
  return Response.json({ id, unreadCount: 0 });
});

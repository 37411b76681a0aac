import { authedRoute } from "@/lib/access/authed-route";
import { requireAccountOwner } from "@/lib/access/require-owner";
import { readJson } from "@/lib/http/read-body";
import { linkUser } from "@/lib/team/highlevel-sync/owner-actions";
import { userLinkSchema } from "@/lib/team/highlevel-sync/validations";

export const runtime = "nodejs";

type Context = { params: Promise<{ id: string }> };

/** `{ userId, highLevelUserId }`: an owner links a member to a HighLevel user, or to none (null). */
export const PUT = authedRoute(async (request: Request, { params }: Context, viewer) => {
  const { id } = await params;
  await requireAccountOwner(viewer, id);
  return Response.json(await linkUser(id, await readJson(request, userLinkSchema)));
});

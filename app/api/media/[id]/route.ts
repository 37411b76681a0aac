import { findAttachmentInScope } from "@/lib/inbox/attachments";
import { getPrisma } from "@/lib/db";
import { authedRoute } from "@/lib/access/authed-route";
import { NotFoundError } from "@/lib/http/errors";
import { mediaResponse } from "@/lib/media/media-response";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** Recordings and attachments, fetched for the page (Range passes through, so seeking works). */
export const GET = authedRoute(async (request: Request, { params }: { params: Promise<{ id: string }> }, viewer) => {
  const { id } = await params;
  const attachment = await findAttachmentInScope(await getPrisma(), viewer.scope, id);
  if (!attachment?.playable) throw new NotFoundError("media");
  return mediaResponse(request, { url: attachment.url, accountId: attachment.message.accountId });
});

import { getPrisma } from "@/lib/db";
import { answer, contractRoute } from "@/lib/contracts/contract-route";
import { attachFileRoute } from "@/lib/contracts/replies";
import { uploadReplyAttachment } from "@/lib/replies/attachments";

export const runtime = "nodejs";

// One file for a reply (multipart: `file`, and the `channel` it is for), checked against the
// channel's limits and uploaded through HighLevel: 201 with { url, name, size, contentType }; the
// composer sends the url with the reply. Too big: 413; a type the channel can't take: 415.
export const POST = contractRoute(attachFileRoute, async ({ params: { id }, request }, viewer) => {
  return answer(await uploadReplyAttachment(await getPrisma(), viewer, id, request), { status: 201 });
});

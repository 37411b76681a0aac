import { authedRoute } from "@/lib/access/authed-route";
import { uploadReplyAttachment } from "@/lib/replies/attachments";

export const runtime = "nodejs";

type Context = { params: Promise<{ id: string }> };

// One file for a reply (multipart: `file`, and the `channel` it is for), checked against the
// channel's limits and uploaded through HighLevel: 201 with { url, name, size, contentType }; the
// composer sends the url with the reply. Too big: 413; a type the channel can't take: 415.
export const POST = authedRoute(
  async (request: Request, { params }: Context, viewer) => {
    const { id } = await params;
    return Response.json(await uploadReplyAttachment(viewer, id, request), { status: 201 });
  },
  { write: "send" },
);

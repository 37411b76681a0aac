import { authedRoute } from "@/lib/access/authed-route";
import { readJson } from "@/lib/http/read-body";
import { createReply } from "@/lib/replies/create";
import { replyInputSchema } from "@/lib/replies/validations";

export const runtime = "nodejs";

type Context = { params: Promise<{ id: string }> };

// Send a reply: 201 with the reply (its message is in the thread at once, "Sending"); 200 with
// the same reply when this clientKey was sent before.
export const POST = authedRoute(
  async (request: Request, { params }: Context, viewer) => {
    const { id } = await params;
    const input = await readJson(request, replyInputSchema);
    const { reply, created } = await createReply(viewer, id, input);
    return Response.json({ reply }, { status: created ? 201 : 200 });
  },
  { write: "send" },
);

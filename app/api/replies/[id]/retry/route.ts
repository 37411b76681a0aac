import { authedRoute } from "@/lib/access/authed-route";
import { retryReply } from "@/lib/replies/actions";

export const runtime = "nodejs";

// A person's explicit Retry: the only way a reply is sent again.
export const POST = authedRoute(
  async (_request: Request, { params }: { params: Promise<{ id: string }> }, viewer) => {
    const { id } = await params;
    return Response.json({ reply: await retryReply(viewer, id) });
  },
  { write: "send" },
);

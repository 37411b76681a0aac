import { authedRoute } from "@/lib/access/authed-route";
import { dismissReply } from "@/lib/replies/actions";

export const runtime = "nodejs";

// Put away a reply that was not delivered (or may not have been): it leaves Not delivered.
export const POST = authedRoute(
  async (_request: Request, { params }: { params: Promise<{ id: string }> }, viewer) => {
    const { id } = await params;
    return Response.json({ reply: await dismissReply(viewer, id) });
  },
  { write: "send" },
);

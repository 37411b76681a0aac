import { authedRoute } from "@/lib/access/authed-route";
import { cancelScheduledReply } from "@/lib/replies/cancel";

export const runtime = "nodejs";

// Cancel a reply scheduled for later: HighLevel's cancel endpoint, then the reply is cancelled
// and its text is the canceller's draft again (both in the answer).
export const POST = authedRoute(
  async (_request: Request, { params }: { params: Promise<{ id: string }> }, viewer) => {
    const { id } = await params;
    return Response.json(await cancelScheduledReply(viewer, id));
  },
  { write: "send" },
);

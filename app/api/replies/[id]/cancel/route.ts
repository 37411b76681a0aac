import { getPrisma } from "@/lib/db";
import { contractRoute } from "@/lib/contracts/contract-route";
import { cancelReplyRoute } from "@/lib/contracts/replies";
import { cancelScheduledReply } from "@/lib/replies/cancel";

export const runtime = "nodejs";

// Cancel a reply scheduled for later: HighLevel's cancel endpoint, then the reply is cancelled
// and its text is the canceller's draft again (both in the answer).
export const POST = contractRoute(cancelReplyRoute, async ({ params: { id } }, viewer) => {
  return cancelScheduledReply(await getPrisma(), viewer, id);
});

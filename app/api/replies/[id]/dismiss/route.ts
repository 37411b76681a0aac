import { getPrisma } from "@/lib/db";
import { contractRoute } from "@/lib/contracts/contract-route";
import { dismissReplyRoute } from "@/lib/contracts/replies";
import { dismissReply } from "@/lib/replies/actions";

export const runtime = "nodejs";

// Put away a reply that was not delivered (or may not have been): it leaves Not delivered.
export const POST = contractRoute(dismissReplyRoute, async ({ params: { id } }, viewer) => {
  return { reply: await dismissReply(await getPrisma(), viewer, id) };
});

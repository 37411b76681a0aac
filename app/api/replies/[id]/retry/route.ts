import { getPrisma } from "@/lib/db";
import { contractRoute } from "@/lib/contracts/contract-route";
import { retryReplyRoute } from "@/lib/contracts/replies";
import { retryReply } from "@/lib/replies/actions";

export const runtime = "nodejs";

// A person's explicit Retry: the only way a reply is sent again.
export const POST = contractRoute(retryReplyRoute, async ({ params: { id } }, viewer) => {
  return { reply: await retryReply(await getPrisma(), viewer, id) };
});

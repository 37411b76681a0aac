import { getPrisma } from "@/lib/db";
import { answer, contractRoute } from "@/lib/contracts/contract-route";
import { sendReplyRoute } from "@/lib/contracts/replies";
import { createReply } from "@/lib/replies/create";

export const runtime = "nodejs";

// Send a reply: 201 with the reply (its message is in the thread at once, "Sending"); 200 with
// the same reply when this clientKey was sent before.
export const POST = contractRoute(sendReplyRoute, async ({ params: { id }, body: input }, viewer) => {
  const { reply, created } = await createReply(await getPrisma(), viewer, id, input);
  return answer({ reply }, { status: created ? 201 : 200 });
});

import { contractRoute } from "@/lib/contracts/contract-route";
import { whatsAppTemplatesRoute } from "@/lib/contracts/replies";
import { getPrisma } from "@/lib/db";
import { HttpError, NotFoundError } from "@/lib/http/errors";
import { conversationInScope } from "@/lib/inbox/conversations";
import { whatsAppTemplates } from "@/lib/replies/whatsapp-templates";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

// The approved WhatsApp templates of the conversation's HighLevel location: what the composer
// offers once 24 hours have passed since the customer last wrote on WhatsApp. Asked of HighLevel
// with the account's token (kept a minute); 409 without a token, 502/503 when HighLevel cannot
// answer now, each with words to show.
export const GET = contractRoute(whatsAppTemplatesRoute, async ({ params: { id } }, viewer) => {
  const prisma = await getPrisma();
  if (!(await conversationInScope(prisma, viewer.scope, id))) throw new NotFoundError("conversation");
  const { account } = await prisma.conversation.findUniqueOrThrow({
    where: { id },
    select: { account: { select: { id: true, provider: true, externalId: true } } },
  });
  if (account.provider !== "highlevel") throw new HttpError(409, "WhatsApp templates come from HighLevel");
  return { templates: await whatsAppTemplates(account) };
});

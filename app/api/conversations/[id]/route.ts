import { authedRoute } from "@/lib/auth/authed-route";
import { findConversationSummary } from "@/lib/conversations";
import { findCustomer } from "@/lib/customers";
import { NotFoundError } from "@/lib/http/errors";
import { listCustomerOpportunities } from "@/lib/opportunities";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const GET = authedRoute(async (_request: Request, { params }: { params: Promise<{ id: string }> }, viewer) => {
  const { id } = await params;
  const conversation = await findConversationSummary(id, viewer.scope);
  if (!conversation) throw new NotFoundError("conversation");
  // The customer is the conversation's, so in the same account: the scope check above covers it.
  const customerId = conversation.customer?.id;
  const [customer, opportunities] = customerId
    ? await Promise.all([findCustomer(customerId), listCustomerOpportunities(customerId)])
    : [null, []];
  return Response.json({ conversation, customer, opportunities });
});

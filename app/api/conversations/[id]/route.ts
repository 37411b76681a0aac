import { findConversationSummary } from "@/lib/conversations";
import { findCustomer } from "@/lib/customers";
import { NotFoundError } from "@/lib/http/errors";
import { routeHandler } from "@/lib/http/route-handler";
import { listCustomerOpportunities } from "@/lib/opportunities";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const GET = routeHandler(async (_request: Request, { params }: { params: Promise<{ id: string }> }) => {
  const { id } = await params;
  const conversation = await findConversationSummary(id);
  if (!conversation) throw new NotFoundError("conversation");
  const customerId = conversation.customer?.id;
  const [customer, opportunities] = customerId
    ? await Promise.all([findCustomer(customerId), listCustomerOpportunities(customerId)])
    : [null, []];
  return Response.json({ conversation, customer, opportunities });
});

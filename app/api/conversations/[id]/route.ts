import { getPrisma } from "@/lib/db";
import { readerOf } from "@/lib/triage/read-state";
import { contractRoute } from "@/lib/contracts/contract-route";
import { conversationDetailRoute, MESSAGE_PAGE_SIZE } from "@/lib/contracts/conversations";
import { findConversationSummary } from "@/lib/inbox/conversations";
import { findCustomer } from "@/lib/inbox/customers";
import { NotFoundError } from "@/lib/http/errors";
import { listCustomerOpportunities } from "@/lib/inbox/opportunities";
import { listCustomerRecords, NO_CUSTOMER_RECORDS } from "@/lib/inbox/customer-records";
import { listMessages } from "@/lib/inbox/messages";
import { customerConsent } from "@/lib/replies/consent";
import { replyOptions } from "@/lib/replies/options";
import { conversationTeam } from "@/lib/team/conversation-team";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const GET = contractRoute(conversationDetailRoute, async ({ params: { id }, query }, viewer) => {
  const db = await getPrisma();
  const conversation = await findConversationSummary(db, viewer.scope, id, readerOf(viewer));
  if (!conversation) throw new NotFoundError("conversation");
  // The customer is the conversation's, so in the same account: the scope check above covers it.
  const customerId = conversation.customer?.id;
  const [[found, opportunities, records, consent], reply, team, messages] = await Promise.all([
    customerId
      ? Promise.all([
          findCustomer(db, viewer.scope, customerId),
          listCustomerOpportunities(db, viewer.scope, customerId),
          listCustomerRecords(db, viewer.scope, customerId),
          // Whether the business may write to them on each channel, and why not (lib/replies/consent.ts).
          customerConsent(db, customerId),
        ])
      : Promise.resolve([null, [], NO_CUSTOMER_RECORDS, null] as const),
    // What the composer offers (README "Replying"): the channels, or why nothing can be sent.
    replyOptions(db, conversation, viewer.scope),
    // Members to assign and mention, internal notes, and what people did (README "Working as a team").
    conversationTeam(db, conversation),
    // Opening a thread: its newest page in the same answer, so the thread and the panel paint together.
    query.messages === "latest"
      ? listMessages(db, viewer.scope, id, { latest: true, limit: MESSAGE_PAGE_SIZE })
      : Promise.resolve(undefined),
  ]);
  const customer = found && consent ? { ...found, consent } : null;
  return { conversation, customer, opportunities, records, reply, team, ...(messages && { messages }) };
});

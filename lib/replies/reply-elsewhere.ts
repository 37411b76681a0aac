import type { RootDb } from "@/lib/db/client";
import { accountDisplayName } from "@/lib/access/people/account-names";
import { accountWhere, type AccountScope } from "@/lib/access/scope";

// Voxity has no public API to send with, so its conversations cannot be answered from here. When
// the same customer (the same phone, in E.164) is a HighLevel contact in an account the viewer
// can see, the Voxity conversation offers "Reply via HighLevel": that contact's conversation,
// where the composer is. The newest such conversation, if several.

export interface ReplyElsewhere {
  conversationId: string;
  account: { id: string; name: string };
}

export async function highLevelConversationOfSameCustomer(
  db: RootDb,
  customerId: string | null,
  scope: AccountScope,
): Promise<ReplyElsewhere | null> {
  if (!customerId) return null;
  const customer = await db.customer.findUnique({ where: { id: customerId }, select: { phoneE164: true } });
  if (!customer?.phoneE164) return null;
  const conversation = await db.conversation.findFirst({
    where: {
      ...accountWhere(scope),
      account: { provider: "highlevel" },
      customer: { phoneE164: customer.phoneE164, deletedAt: null },
    },
    orderBy: [{ lastMessageAt: { sort: "desc", nulls: "last" } }, { id: "asc" }],
    select: {
      id: true,
      account: { select: { id: true, provider: true, externalId: true, name: true, displayName: true } },
    },
  });
  if (!conversation) return null;
  return {
    conversationId: conversation.id,
    account: { id: conversation.account.id, name: accountDisplayName(conversation.account) },
  };
}

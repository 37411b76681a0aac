import { randomUUID } from "node:crypto";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { MessageFacts } from "@/lib/providers/contract";
import type { CustomerResolver } from "./apply";

// The conversations (and customers) of a batch's messages, found or made with a few statements
// for all of them instead of a few per message: what conversationId() in store-message.ts does
// one message at a time, with the same outcome (an existing conversation without a customer gets
// the message's; a new one is made with it; lock-free get-or-create, ON CONFLICT DO NOTHING).

type Tx = Prisma.TransactionClient;

async function findCustomers(tx: Tx, accountId: string, externalIds: string[], customers: CustomerResolver) {
  const wanted = [...new Set(externalIds)].filter((id) => !customers.known(id));
  if (wanted.length === 0) return;
  const rows = await tx.customer.findMany({
    where: { accountId, externalId: { in: wanted } },
    select: { id: true, externalId: true },
  });
  for (const row of rows) customers.remember(row.externalId, row.id);
}

async function createCustomers(tx: Tx, accountId: string, externalIds: string[], customers: CustomerResolver) {
  const missing = [...new Set(externalIds)].filter((id) => !customers.known(id));
  if (missing.length === 0) return;
  await tx.customer.createMany({
    data: missing.map((externalId) => ({ id: randomUUID(), accountId, externalId })),
    skipDuplicates: true,
  });
  await findCustomers(tx, accountId, missing, customers);
}

/** Conversation row ids by external id, for messages of one account. */
export async function resolveConversations(
  tx: Tx,
  accountId: string,
  messages: readonly MessageFacts[],
  customers: CustomerResolver,
): Promise<Map<string, string>> {
  const externalIds = [...new Set(messages.map((m) => m.conversationExternalId))];
  const existing = await tx.conversation.findMany({
    where: { accountId, externalId: { in: externalIds } },
    select: { id: true, externalId: true, customerId: true },
  });
  const found = new Map(existing.map((row) => [row.externalId, row]));
  const lacking = messages.filter((m) => m.customerExternalId && !found.get(m.conversationExternalId)?.customerId);
  // Inbound messages' customers are read too (keyword consent needs them); made only when needed.
  const inbound = messages.filter((m) => m.direction === "inbound" && m.customerExternalId);
  await findCustomers(
    tx,
    accountId,
    [...lacking, ...inbound].map((m) => m.customerExternalId!),
    customers,
  );
  await createCustomers(
    tx,
    accountId,
    lacking.map((m) => m.customerExternalId!),
    customers,
  );
  const ids = new Map(existing.map((row) => [row.externalId, row.id]));
  for (const message of lacking) {
    const row = found.get(message.conversationExternalId);
    if (row)
      await tx.conversation.update({
        where: { id: row.id },
        data: { customerId: await customers.idFor(message.customerExternalId!) },
      });
  }
  const fresh = messages.filter((m) => !found.has(m.conversationExternalId));
  if (fresh.length > 0) {
    const data = [];
    for (const m of fresh)
      data.push({
        id: randomUUID(),
        accountId,
        externalId: m.conversationExternalId,
        customerId: m.customerExternalId ? await customers.idFor(m.customerExternalId) : null,
      });
    await tx.conversation.createMany({ data, skipDuplicates: true });
    const made = await tx.conversation.findMany({
      where: { accountId, externalId: { in: fresh.map((m) => m.conversationExternalId) } },
      select: { id: true, externalId: true },
    });
    for (const row of made) ids.set(row.externalId, row.id);
  }
  return ids;
}

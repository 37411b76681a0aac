import { randomUUID } from "node:crypto";
import type { Prisma } from "@/lib/generated/prisma/client";
import { normalizeEmail, toE164 } from "@/lib/normalize/contact";
import { getOrCreateId } from "@/lib/messages/get-or-create";
import { cachedAccountId, rememberAccountId } from "./account-ids";
import type { AccountRef, CustomerFacts, MappedEvent, OpportunityFacts } from "@/lib/providers/contract";
import { applyProviderUnread, nameAccount, removeTeammate, upsertTeammate } from "./apply-workspace";
import { adoptPlaceholder, applyCallReport } from "./calls";
import { afterMessage } from "./after-message";
import {
  conversationsOfCustomer,
  removeCustomerRecord,
  upsertAppointment,
  upsertNote,
  upsertTask,
} from "./customer-records";
import { conversationId, storeMessage } from "@/lib/messages/store-message";
import { applyConsentChanges } from "@/lib/replies/consent";
import { applyHighLevelAssignment } from "@/lib/team/highlevel-sync/inbound";

type Tx = Prisma.TransactionClient;

export interface ApplyResult {
  messagesStored: number;
  /** Conversations that gained a message or were read in the provider: what live views need to refresh. */
  accountId: string;
  conversationIds: string[];
}

/** Writes one mapped event. Runs inside a transaction: all of it lands or none of it does. */
export async function applyMappedEvent(tx: Tx, event: MappedEvent, webhookEventId: string): Promise<ApplyResult> {
  const accountId = await resolveAccount(tx, event.account);
  const customers = new CustomerResolver(tx, accountId);
  const customerIdFor = (externalId: string) => customers.idFor(externalId);
  let messagesStored = 0;
  const conversationIds = new Set<string>();
  for (const operation of event.operations) {
    switch (operation.kind) {
      case "customer":
        await customers.apply(operation.customer);
        break;
      case "customer.consent": {
        const { customerExternalId, changes, versionAt } = operation.consent;
        const customerId = await customerIdFor(customerExternalId);
        await applyConsentChanges(tx, accountId, customerId, changes, versionAt ?? new Date());
        // The composer of every open conversation with them says so at once.
        for (const id of await conversationsOfCustomer(tx, accountId, customerExternalId)) conversationIds.add(id);
        break;
      }
      case "customer.delete":
        await customers.remove(operation.externalId, operation.versionAt);
        break;
      case "customer.assignment":
        for (const id of await applyHighLevelAssignment(tx, accountId, operation, webhookEventId))
          conversationIds.add(id);
        break;
      case "opportunity":
        await upsertOpportunity(tx, accountId, operation.opportunity, customers);
        break;
      case "opportunity.delete":
        await removeOpportunity(tx, accountId, operation.externalId, operation.versionAt);
        break;
      case "message": {
        const facts = operation.message;
        // Only a call can have a Voice AI placeholder waiting for it (one indexed lookup per call).
        const adopted = facts.call
          ? await adoptPlaceholder(tx, accountId, facts, webhookEventId, (f) =>
              conversationId(tx, accountId, f, customerIdFor),
            )
          : null;
        if (adopted) messagesStored++;
        for (const id of adopted ?? []) conversationIds.add(id);
        const conversation = adopted ? null : await storeMessage(tx, accountId, facts, customerIdFor, webhookEventId);
        if (conversation) {
          messagesStored++;
          conversationIds.add(conversation);
        }
        const advanced = await afterMessage(
          tx,
          accountId,
          facts,
          { adopted: adopted !== null, conversation },
          customerIdFor,
        );
        if (advanced) conversationIds.add(advanced);
        break;
      }
      case "call.report":
        for (const id of await applyCallReport(tx, accountId, operation.report, customerIdFor, webhookEventId))
          conversationIds.add(id);
        break;
      case "note":
        await upsertNote(tx, accountId, operation.note, customerIdFor);
        for (const id of await conversationsOfCustomer(tx, accountId, operation.note.customerExternalId))
          conversationIds.add(id);
        break;
      case "task":
        await upsertTask(tx, accountId, operation.task, customerIdFor);
        for (const id of await conversationsOfCustomer(tx, accountId, operation.task.customerExternalId))
          conversationIds.add(id);
        break;
      case "appointment":
        await upsertAppointment(tx, accountId, operation.appointment, customerIdFor);
        for (const id of await conversationsOfCustomer(tx, accountId, operation.appointment.customerExternalId))
          conversationIds.add(id);
        break;
      case "record.delete":
        await removeCustomerRecord(tx, operation.record, accountId, operation.externalId, operation.versionAt);
        break;
      case "teammate":
        await upsertTeammate(tx, accountId, operation.teammate);
        break;
      case "teammate.delete":
        await removeTeammate(tx, accountId, operation.externalId);
        break;
      case "account.name":
        await nameAccount(tx, accountId, operation.name);
        break;
      case "conversation.unread": {
        const { conversationExternalId, unreadCount } = operation;
        const read = await applyProviderUnread(tx, accountId, conversationExternalId, unreadCount, webhookEventId);
        if (read) conversationIds.add(read);
        break;
      }
    }
  }
  return { accountId, messagesStored, conversationIds: [...conversationIds] };
}

export async function resolveAccount(tx: Tx, account: AccountRef): Promise<string> {
  const key = `${account.provider}:${account.externalId}`;
  const cached = cachedAccountId(key);
  if (cached) return cached;
  const id = await getOrCreateId(
    () => tx.account.findUnique({ where: { provider_externalId: account }, select: { id: true } }),
    (newId) => tx.account.createMany({ data: [{ id: newId, ...account }], skipDuplicates: true }),
    randomUUID,
  );
  rememberAccountId(key, id);
  return id;
}

/** "Apply only if not older than what we have": out-of-order updates never win. */
function notOlderThan(versionAt: Date | null) {
  return versionAt ? { OR: [{ providerUpdatedAt: null }, { providerUpdatedAt: { lte: versionAt } }] } : {};
}

export class CustomerResolver {
  private ids = new Map<string, string>();
  constructor(
    private tx: Tx,
    private accountId: string,
  ) {}

  /** Known ids (the worker's batch resolves many customers in one statement). */
  remember(externalId: string, id: string): void {
    this.ids.set(externalId, id);
  }

  known(externalId: string): boolean {
    return this.ids.has(externalId);
  }

  /** The customer's row id, creating an empty record for an id we have not seen yet. */
  async idFor(externalId: string): Promise<string> {
    const known = this.ids.get(externalId);
    if (known) return known;
    const where = { accountId_externalId: { accountId: this.accountId, externalId } };
    const id = await getOrCreateId(
      () => this.tx.customer.findUnique({ where, select: { id: true } }),
      (newId) =>
        this.tx.customer.createMany({
          data: [{ id: newId, accountId: this.accountId, externalId }],
          skipDuplicates: true,
        }),
      randomUUID,
    );
    this.ids.set(externalId, id);
    return id;
  }

  async apply(facts: CustomerFacts): Promise<void> {
    const { externalId, versionAt, ...fields } = facts;
    // A message's bare contact id says nothing new: its row is made when a conversation needs it.
    if (Object.keys(fields).length === 0) return;
    const id = await this.idFor(externalId);
    const data: Prisma.CustomerUpdateManyMutationInput = { ...fields };
    if (fields.phone !== undefined) data.phoneE164 = toE164(fields.phone);
    if (fields.email !== undefined) data.emailNormalized = normalizeEmail(fields.email);
    if (versionAt) data.providerUpdatedAt = versionAt;
    await this.tx.customer.updateMany({ where: { id, ...notOlderThan(versionAt) }, data });
  }

  async remove(externalId: string, versionAt: Date | null): Promise<void> {
    const id = await this.idFor(externalId);
    await this.tx.customer.updateMany({
      where: { id, ...notOlderThan(versionAt) },
      data: { deletedAt: versionAt ?? new Date(), ...(versionAt ? { providerUpdatedAt: versionAt } : {}) },
    });
  }
}

function opportunityId(tx: Tx, accountId: string, externalId: string): Promise<string> {
  const where = { accountId_externalId: { accountId, externalId } };
  return getOrCreateId(
    () => tx.opportunity.findUnique({ where, select: { id: true } }),
    (id) => tx.opportunity.createMany({ data: [{ id, accountId, externalId }], skipDuplicates: true }),
    randomUUID,
  );
}

async function upsertOpportunity(tx: Tx, accountId: string, facts: OpportunityFacts, customers: CustomerResolver) {
  const { externalId, versionAt, customerExternalId, ...fields } = facts;
  const customerId = customerExternalId ? await customers.idFor(customerExternalId) : undefined;
  const id = await opportunityId(tx, accountId, externalId);
  await tx.opportunity.updateMany({
    where: { id, ...notOlderThan(versionAt) },
    data: {
      ...fields,
      ...(customerId ? { customerId } : {}),
      ...(versionAt ? { providerUpdatedAt: versionAt } : {}),
      deletedAt: null,
    },
  });
}

async function removeOpportunity(tx: Tx, accountId: string, externalId: string, versionAt: Date | null) {
  const id = await opportunityId(tx, accountId, externalId);
  await tx.opportunity.updateMany({
    where: { id, ...notOlderThan(versionAt) },
    data: { deletedAt: versionAt ?? new Date(), ...(versionAt ? { providerUpdatedAt: versionAt } : {}) },
  });
}

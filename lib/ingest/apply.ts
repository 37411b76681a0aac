import { randomUUID } from "node:crypto";
import { messageKinds } from "@/lib/channels";
import type { Prisma } from "@/lib/generated/prisma/client";
import { isFetchableUrl } from "@/lib/normalize/attachments";
import { normalizeEmail, toE164 } from "@/lib/normalize/contact";
import { bodyToText, previewOf } from "@/lib/normalize/html-text";
import type { CustomerFacts, MappedEvent, MessageFacts, OpportunityFacts } from "./operations";

type Tx = Prisma.TransactionClient;

export interface ApplyResult {
  messagesStored: number;
  /** Conversations that gained a message: what live views need to refresh. */
  conversationIds: string[];
}

/** Writes one mapped event. Runs inside a transaction: all of it lands or none of it does. */
export async function applyMappedEvent(tx: Tx, event: MappedEvent, webhookEventId: string): Promise<ApplyResult> {
  const account = await tx.account.upsert({
    where: { provider_externalId: event.account },
    create: event.account,
    update: {},
    select: { id: true },
  });
  const customers = new CustomerResolver(tx, account.id);
  let messagesStored = 0;
  const conversationIds = new Set<string>();
  for (const operation of event.operations) {
    switch (operation.kind) {
      case "customer":
        await customers.apply(operation.customer);
        break;
      case "customer.delete":
        await customers.remove(operation.externalId, operation.versionAt);
        break;
      case "opportunity":
        await upsertOpportunity(tx, account.id, operation.opportunity, customers);
        break;
      case "opportunity.delete":
        await removeOpportunity(tx, account.id, operation.externalId, operation.versionAt);
        break;
      case "message":
      {
        const stored = await insertMessage(tx, account.id, operation.message, customers, webhookEventId);
        if (stored) {
          messagesStored++;
          conversationIds.add(stored);
        }
        break;
      }
    }
  }
  return { messagesStored, conversationIds: [...conversationIds] };
}

/** "Apply only if not older than what we have": out-of-order updates never win. */
function notOlderThan(versionAt: Date | null) {
  return versionAt ? { OR: [{ providerUpdatedAt: null }, { providerUpdatedAt: { lte: versionAt } }] } : {};
}

class CustomerResolver {
  private ids = new Map<string, string>();
  constructor(private tx: Tx, private accountId: string) {}

  /** The customer's row id, creating an empty record for an id we have not seen yet. */
  async idFor(externalId: string): Promise<string> {
    const known = this.ids.get(externalId);
    if (known) return known;
    const row = await this.tx.customer.upsert({
      where: { accountId_externalId: { accountId: this.accountId, externalId } },
      create: { accountId: this.accountId, externalId },
      update: {},
      select: { id: true },
    });
    this.ids.set(externalId, row.id);
    return row.id;
  }

  async apply(facts: CustomerFacts): Promise<void> {
    const id = await this.idFor(facts.externalId);
    const { externalId: _externalId, versionAt, ...fields } = facts;
    if (Object.keys(fields).length === 0) return;
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

async function upsertOpportunity(tx: Tx, accountId: string, facts: OpportunityFacts, customers: CustomerResolver) {
  const { externalId, versionAt, customerExternalId, ...fields } = facts;
  const customerId = customerExternalId ? await customers.idFor(customerExternalId) : undefined;
  const row = await tx.opportunity.upsert({
    where: { accountId_externalId: { accountId, externalId } },
    create: { accountId, externalId },
    update: {},
    select: { id: true },
  });
  await tx.opportunity.updateMany({
    where: { id: row.id, ...notOlderThan(versionAt) },
    data: {
      ...fields,
      ...(customerId ? { customerId } : {}),
      ...(versionAt ? { providerUpdatedAt: versionAt } : {}),
      deletedAt: null,
    },
  });
}

async function removeOpportunity(tx: Tx, accountId: string, externalId: string, versionAt: Date | null) {
  const row = await tx.opportunity.upsert({
    where: { accountId_externalId: { accountId, externalId } },
    create: { accountId, externalId },
    update: {},
    select: { id: true },
  });
  await tx.opportunity.updateMany({
    where: { id: row.id, ...notOlderThan(versionAt) },
    data: { deletedAt: versionAt ?? new Date(), ...(versionAt ? { providerUpdatedAt: versionAt } : {}) },
  });
}

/** Stores a message once and returns its conversation; null when it was already there (a redelivery or a history entry we have). */
async function insertMessage(
  tx: Tx,
  accountId: string,
  facts: MessageFacts,
  customers: CustomerResolver,
  webhookEventId: string,
): Promise<string | null> {
  const customerId = facts.customerExternalId ? await customers.idFor(facts.customerExternalId) : null;
  const conversation = await tx.conversation.upsert({
    where: { accountId_externalId: { accountId, externalId: facts.conversationExternalId } },
    create: { accountId, externalId: facts.conversationExternalId, customerId },
    update: {},
    select: { id: true, customerId: true },
  });
  if (!conversation.customerId && customerId) {
    await tx.conversation.update({ where: { id: conversation.id }, data: { customerId } });
  }
  const id = randomUUID();
  const bodyText = bodyToText(facts.body, facts.contentType);
  const { count } = await tx.message.createMany({
    data: [
      {
        id,
        accountId,
        conversationId: conversation.id,
        externalId: facts.externalId,
        channel: facts.channel,
        direction: facts.direction,
        status: facts.status,
        body: facts.body,
        bodyText,
        contentType: facts.contentType,
        subject: facts.subject,
        emailFrom: facts.email?.from ?? null,
        emailTo: facts.email?.to ?? [],
        emailCc: facts.email?.cc ?? [],
        emailBcc: facts.email?.bcc ?? [],
        emailThreadId: facts.email?.threadId ?? null,
        emailMessageId: facts.email?.messageId ?? null,
        callDurationSeconds: facts.call?.durationSeconds ?? null,
        callOutcome: facts.call?.outcome ?? null,
        authorName: facts.authorName,
        authorExternalId: facts.authorExternalId,
        source: facts.source,
        sentAt: facts.sentAt,
        webhookEventId,
      },
    ],
    skipDuplicates: true,
  });
  if (count === 0) return null;
  if (facts.attachments.length > 0) {
    await tx.attachment.createMany({
      data: facts.attachments.map((attachment, position) => ({
        messageId: id,
        position,
        url: attachment.url,
        kind: attachment.kind,
        playable: isFetchableUrl(attachment.url),
      })),
    });
  }
  const preview = previewOf(facts.subject && bodyText ? `${facts.subject} — ${bodyText}` : facts.subject ?? bodyText) ?? describeWithoutText(facts);
  await updateConversationSummary(tx, conversation.id, { id, facts, preview });
  return conversation.id;
}

const OUTCOME_WORDS: Record<string, string> = {
  answered: "answered", voicemail: "went to voicemail", no_answer: "missed", busy: "busy", failed: "failed", in_progress: "in progress", unknown: "",
};

/** A list preview for messages without text: calls, voicemails, bare attachments. */
function describeWithoutText(facts: MessageFacts): string | null {
  if (facts.channel === "voicemail") return facts.direction === "inbound" ? "Voicemail" : "Voicemail drop";
  if (facts.call) {
    const outcome = OUTCOME_WORDS[facts.call.outcome] ?? "";
    return `${facts.direction === "inbound" ? "Inbound" : "Outbound"} call${outcome ? ` · ${outcome}` : ""}`;
  }
  if (facts.attachments.length > 0) return facts.attachments.length === 1 ? "Attachment" : `${facts.attachments.length} attachments`;
  return null;
}

/**
 * One statement, so concurrent messages of one conversation cannot interleave: the newest
 * message by the provider's time becomes the summary, whatever order they arrive in. Only a
 * new inbound message that is the newest counts as unread (backfilled history does not).
 */
async function updateConversationSummary(
  tx: Tx,
  conversationId: string,
  message: { id: string; facts: MessageFacts; preview: string | null },
) {
  const { facts } = message;
  const kinds = messageKinds(facts.channel, facts.direction, facts.call?.outcome ?? null);
  const unread = facts.direction === "inbound" ? 1 : 0;
  await tx.$executeRaw`
    UPDATE conversations SET
      message_kinds = ARRAY(SELECT DISTINCT k FROM unnest(message_kinds || ${kinds}::text[]) AS k ORDER BY k),
      unread_count = unread_count + CASE WHEN last_message_at IS NULL OR last_message_at < ${facts.sentAt} THEN ${unread} ELSE 0 END,
      last_message_id = CASE WHEN last_message_at IS NULL OR last_message_at <= ${facts.sentAt} THEN ${message.id} ELSE last_message_id END,
      last_message_preview = CASE WHEN last_message_at IS NULL OR last_message_at <= ${facts.sentAt} THEN ${message.preview} ELSE last_message_preview END,
      last_message_channel = CASE WHEN last_message_at IS NULL OR last_message_at <= ${facts.sentAt} THEN ${facts.channel} ELSE last_message_channel END,
      last_message_direction = CASE WHEN last_message_at IS NULL OR last_message_at <= ${facts.sentAt} THEN ${facts.direction} ELSE last_message_direction END,
      last_message_at = GREATEST(last_message_at, ${facts.sentAt}),
      updated_at = now()
    WHERE id = ${conversationId}`;
}

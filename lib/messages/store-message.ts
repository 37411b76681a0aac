import { randomUUID } from "node:crypto";
import { messageKinds } from "@/lib/vocabulary";
import { Prisma } from "@/lib/generated/prisma/client";
import { isPlayableUrl } from "@/lib/media/playable";
import { bodyToText } from "@/lib/normalize/html-text";
import { messagePreview } from "@/lib/normalize/message-preview";
import { verifiedAccountScope } from "@/lib/access/ingest-scope";
import { closesOnly } from "@/lib/triage/closing";
import { recomputeTriage, stateAfterNewest } from "@/lib/triage/rules";
import { getOrCreateId } from "./get-or-create";
import type { MessageFacts } from "@/lib/providers/contract";

type Tx = Prisma.TransactionClient;

/**
 * The conversation's summary after a message `ins` was inserted: the newest message by the
 * provider's time becomes the summary whatever order messages arrive in, only a new inbound
 * message that is the newest counts as unread, and the triage state moves when it is the newest.
 * One definition for the one-message statement here and the batch's (store-messages.ts).
 */
export function summaryAfterInsert(values: {
  kinds: Prisma.Sql;
  unread: Prisma.Sql;
  preview: Prisma.Sql;
  channel: Prisma.Sql;
  direction: Prisma.Sql;
}): Prisma.Sql {
  const newest = Prisma.sql`c.last_message_at IS NULL OR c.last_message_at <= ins.sent_at`;
  return Prisma.sql`
    message_kinds = ARRAY(SELECT DISTINCT k FROM unnest(c.message_kinds || ${values.kinds}) AS k ORDER BY k),
    unread_count = c.unread_count + CASE WHEN c.last_message_at IS NULL OR c.last_message_at < ins.sent_at THEN ${values.unread} ELSE 0 END,
    last_message_id = CASE WHEN ${newest} THEN ins.id ELSE c.last_message_id END,
    last_message_preview = CASE WHEN ${newest} THEN ${values.preview} ELSE c.last_message_preview END,
    last_message_channel = CASE WHEN ${newest} THEN ${values.channel} ELSE c.last_message_channel END,
    last_message_direction = CASE WHEN ${newest} THEN ${values.direction} ELSE c.last_message_direction END,
    last_message_at = GREATEST(c.last_message_at, ins.sent_at),
    ${stateAfterNewest(Prisma.raw("ins"), Prisma.raw("c"))},
    updated_at = now()`;
}

/** The conversation a message belongs in, created (with its customer) when new. */
export async function conversationId(
  tx: Tx,
  accountId: string,
  facts: MessageFacts,
  customerIdFor: (externalId: string) => Promise<string>,
) {
  const where = { accountId_externalId: { accountId, externalId: facts.conversationExternalId } };
  const existing = await tx.conversation.findUnique({ where, select: { id: true, customerId: true } });
  if (existing) {
    if (!existing.customerId && facts.customerExternalId) {
      await tx.conversation.update({
        where: { id: existing.id },
        data: { customerId: await customerIdFor(facts.customerExternalId) },
      });
    }
    return existing.id;
  }
  const customerId = facts.customerExternalId ? await customerIdFor(facts.customerExternalId) : null;
  return getOrCreateId(
    () => tx.conversation.findUnique({ where, select: { id: true } }),
    (id) =>
      tx.conversation.createMany({
        data: [{ id, accountId, externalId: facts.conversationExternalId, customerId }],
        skipDuplicates: true,
      }),
    randomUUID,
  );
}

/** What a stored message derives from its facts: its text, preview, kinds, and whether it only closes. */
export async function prepareMessage(tx: Tx, accountId: string, facts: MessageFacts) {
  const bodyText = bodyToText(facts.body, facts.contentType);
  const preview = messagePreview({
    channel: facts.channel,
    direction: facts.direction,
    subject: facts.subject,
    bodyText,
    callOutcome: facts.call?.outcome ?? null,
    attachmentCount: facts.attachments.length,
  });
  // The account the event was verified to belong to (or the app's own send from it).
  const closing = await closesOnly(tx, verifiedAccountScope({ id: accountId }), accountId, {
    channel: facts.channel,
    direction: facts.direction,
    text: bodyText,
    attachments: facts.attachments.length,
  });
  return {
    id: randomUUID(),
    bodyText,
    preview,
    kinds: messageKinds(facts.channel, facts.direction, facts.call?.outcome ?? null),
    unread: facts.direction === "inbound" ? 1 : 0,
    closing,
  };
}

/**
 * Stores a message once and returns its conversation; null when it was already there (a
 * redelivery, or a history entry we have). The insert and the conversation's summary update are
 * one statement: the newest message by the provider's time becomes the summary whatever order
 * messages arrive in, and only a new inbound message that is the newest counts as unread
 * (backfilled history does not). The triage state (lib/triage/rules.ts) moves in the same
 * statement when the message is the newest; an older one arriving late has it recomputed.
 */
export async function storeMessage(
  tx: Tx,
  accountId: string,
  facts: MessageFacts,
  customerIdFor: (externalId: string) => Promise<string>,
  webhookEventId: string | null,
): Promise<string | null> {
  const conversation = await conversationId(tx, accountId, facts, customerIdFor);
  const { id, bodyText, preview, kinds, unread, closing } = await prepareMessage(tx, accountId, facts);
  const email = facts.email;
  const scope = verifiedAccountScope({ id: accountId });
  const inserted = await tx.$queryRaw<Array<{ id: string; older: boolean | null }>>`
    WITH ins AS (
      INSERT INTO messages (id, account_id, conversation_id, external_id, channel, direction, status, body, body_text, content_type,
        subject, email_from, email_to, email_cc, email_bcc, email_thread_id, email_message_id, call_duration_seconds, call_outcome,
        author_name, author_external_id, source, sent_at, webhook_event_id, closing)
      VALUES (${id}, ${accountId}, ${conversation}, ${facts.externalId}, ${facts.channel}, ${facts.direction}, ${facts.status}, ${facts.body},
        ${bodyText}, ${facts.contentType}, ${facts.subject}, ${email?.from ?? null}, ${email?.to ?? []}::text[], ${email?.cc ?? []}::text[],
        ${email?.bcc ?? []}::text[], ${email?.threadId ?? null}, ${email?.messageId ?? null}, ${facts.call?.durationSeconds ?? null}::int,
        ${facts.call?.outcome ?? null}, ${facts.authorName}, ${facts.authorExternalId}, ${facts.source}, ${facts.sentAt}::timestamptz, ${webhookEventId}, ${closing})
      ON CONFLICT (account_id, external_id, direction) DO NOTHING
      RETURNING id, sent_at, channel, direction, call_outcome, closing, callback_due_at
    ), summary AS (
      UPDATE conversations c SET ${summaryAfterInsert({
        kinds: Prisma.sql`${kinds}::text[]`,
        unread: Prisma.sql`${unread}::int`,
        preview: Prisma.sql`${preview}`,
        channel: Prisma.sql`${facts.channel}`,
        direction: Prisma.sql`${facts.direction}`,
      })}
      FROM ins WHERE c.id = ${conversation}
      RETURNING c.id
    )
    -- Reads the conversation as it was before this statement (one snapshot for all of it).
    SELECT ins.id, before.last_message_at > ins.sent_at AS older
    FROM ins CROSS JOIN (SELECT last_message_at FROM conversations WHERE id = ${conversation}) before`;
  const [stored] = inserted;
  if (!stored) return null;
  if (stored.older) await recomputeTriage(tx, scope, conversation);
  if (facts.attachments.length > 0) {
    await tx.attachment.createMany({
      data: facts.attachments.map((attachment, position) => ({
        messageId: id,
        position,
        url: attachment.url,
        kind: attachment.kind,
        playable: isPlayableUrl(attachment.url),
      })),
    });
  }
  return conversation;
}

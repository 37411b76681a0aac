import type { AccountScope } from "@/lib/access/scope";
import type { Prisma } from "@/lib/generated/prisma/client";
import { messagePreview } from "@/lib/normalize/message-preview";
import { recomputeTriage } from "@/lib/triage/rules";
import { callOutcomeSchema, channelSchema, directionSchema, messageKinds } from "@/lib/vocabulary";

// A conversation's list summary (newest message, its preview, the kinds of message it has)
// made again from its messages: after a message changed in place (a placeholder call that its
// real message took over, a call that gained a summary). Ordinary ingestion keeps it in the
// insert statement instead (store-message.ts).

type Tx = Prisma.TransactionClient;

interface NewestRow {
  id: string;
  channel: string;
  direction: string;
  subject: string | null;
  body_text: string | null;
  call_outcome: string | null;
  call_summary: string | null;
  sent_at: Date;
  attachment_count: number;
}

/** With onlyIfLast, nothing happens unless that message is the conversation's newest. */
export async function refreshConversationSummary(
  tx: Tx,
  scope: AccountScope,
  conversationId: string,
  options: { onlyIfLast?: string } = {},
): Promise<void> {
  const [newest] = await tx.$queryRaw<NewestRow[]>`
    SELECT m.id, m.channel, m.direction, m.subject, left(m.body_text, 1000) AS body_text, m.call_outcome,
      m.call_summary, m.sent_at, (SELECT count(*) FROM attachments a WHERE a.message_id = m.id)::int AS attachment_count
    FROM messages m WHERE m.conversation_id = ${conversationId}
    ORDER BY m.sent_at DESC, m.id DESC LIMIT 1`;
  if (!newest || (options.onlyIfLast && options.onlyIfLast !== newest.id)) return;
  const channel = channelSchema.parse(newest.channel);
  const direction = directionSchema.parse(newest.direction);
  const outcome = newest.call_outcome ? callOutcomeSchema.parse(newest.call_outcome) : null;
  const preview = messagePreview({
    channel,
    direction,
    subject: newest.subject,
    bodyText: newest.body_text,
    callOutcome: outcome,
    attachmentCount: newest.attachment_count,
    callSummary: newest.call_summary,
  });
  const kinds = messageKinds(channel, direction, outcome);
  await tx.$executeRaw`
    UPDATE conversations c SET
      last_message_id = ${newest.id}, last_message_preview = ${preview}, last_message_channel = ${channel},
      last_message_direction = ${direction}, last_message_at = ${newest.sent_at},
      message_kinds = ARRAY(SELECT DISTINCT k FROM unnest(c.message_kinds || ${kinds}::text[]) AS k ORDER BY k),
      updated_at = now()
    WHERE c.id = ${conversationId}`;
  if (!options.onlyIfLast) await recomputeTriage(tx, scope, conversationId);
}

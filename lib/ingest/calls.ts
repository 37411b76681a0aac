import { randomUUID } from "node:crypto";
import { verifiedAccountScope } from "@/lib/access/ingest-scope";
import type { Prisma } from "@/lib/generated/prisma/client";
import { isPlayableUrl } from "@/lib/media/playable";
import type { CallReportFacts, MessageFacts, TranscriptSentence } from "@/lib/providers/contract";
import { refreshConversationSummary } from "./conversation-summary";
import { storeMessage } from "@/lib/messages/store-message";
import { recomputeTriage } from "@/lib/triage/rules";
import { callbackDueAt } from "@/lib/triage/urgent-callback";

// A call's report (HighLevel VoiceAiCallEnd) and its call message meet on the provider's message
// id, whichever arrives first. The report is kept in call_transcripts; when its call is not here
// yet, a placeholder call message shows it in the contact's conversation, and the real message
// takes that placeholder's place when it comes (its conversation, recording, duration), so
// nothing of either is lost and neither shows twice.

type Tx = Prisma.TransactionClient;
type CustomerIdFor = (externalId: string) => Promise<string>;

/**
 * Copies a transcript's summary and text onto its call message(s): previews and search read them
 * there. The report also decides whether the call owes a callback (lib/triage/urgent-callback.ts);
 * when that changes, the conversation's waits are recomputed.
 */
export async function syncTranscriptToMessages(tx: Tx, accountId: string, messageExternalId: string) {
  const transcript = await tx.callTranscript.findUnique({
    where: { accountId_messageExternalId: { accountId, messageExternalId } },
    select: { summary: true, sentences: true, extractedData: true, account: { select: { callbackSlaMinutes: true } } },
  });
  if (!transcript) return [];
  const sentences = transcript.sentences as unknown as TranscriptSentence[];
  const text = sentences.map((sentence) => sentence.text).join(" ") || null;
  const rows = await tx.$queryRaw<Array<{ id: string; conversation_id: string; sent_at: Date; due: Date | null }>>`
    UPDATE messages SET call_summary = ${transcript.summary}, transcript_text = ${text}
    WHERE account_id = ${accountId} AND external_id = ${messageExternalId}
    RETURNING id, conversation_id, sent_at, callback_due_at AS due`;
  const report = {
    summary: transcript.summary,
    transcript: sentences.map((sentence) => sentence.text).join("\n"),
    extractedData: (transcript.extractedData ?? null) as Record<string, unknown> | null,
  };
  for (const row of rows) {
    const due = callbackDueAt(report, row.sent_at, transcript.account.callbackSlaMinutes);
    if (due?.getTime() !== row.due?.getTime()) {
      await tx.$executeRaw`UPDATE messages SET callback_due_at = ${due} WHERE id = ${row.id}`;
      await recomputeTriage(tx, verifiedAccountScope({ id: accountId }), row.conversation_id);
    }
    await refreshConversationSummary(tx, verifiedAccountScope({ id: accountId }), row.conversation_id, {
      onlyIfLast: row.id,
    });
  }
  return rows.map((row) => row.conversation_id);
}

/** Where a report without its call shows: the contact's latest conversation, else one of its own. */
async function placeholderConversation(
  tx: Tx,
  accountId: string,
  report: CallReportFacts,
  customerIdFor: CustomerIdFor,
) {
  if (report.customerExternalId) {
    const customerId = await customerIdFor(report.customerExternalId);
    const latest = await tx.conversation.findFirst({
      where: { accountId, customerId },
      orderBy: [{ lastMessageAt: { sort: "desc", nulls: "last" } }, { id: "desc" }],
      select: { externalId: true },
    });
    if (latest) return latest.externalId;
    return `voice-ai:contact:${report.customerExternalId}`;
  }
  return `voice-ai:${report.voiceAiCallId}`;
}

/** Stores a Voice AI report; returns the conversations that changed. Redelivery changes nothing. */
export async function applyCallReport(
  tx: Tx,
  accountId: string,
  report: CallReportFacts,
  customerIdFor: CustomerIdFor,
  webhookEventId: string,
): Promise<string[]> {
  const where = { accountId_messageExternalId: { accountId, messageExternalId: report.messageExternalId } };
  const existing = await tx.callTranscript.findUnique({ where, select: { sentences: true } });
  const timed = ((existing?.sentences ?? []) as unknown as TranscriptSentence[]).some((s) => s.startMs !== null);
  const fields = {
    voiceAiCallId: report.voiceAiCallId,
    agentId: report.agentId,
    summary: report.summary,
    extractedData: (report.extractedData ?? undefined) as Prisma.InputJsonValue | undefined,
    // A transcript fetched with times (HighLevel's API) is better than the report's untimed one.
    ...(timed ? {} : { sentences: report.sentences as unknown as Prisma.InputJsonValue }),
  };
  await tx.callTranscript.upsert({
    where,
    create: { accountId, messageExternalId: report.messageExternalId, ...fields },
    update: fields,
  });
  const message = await tx.message.findFirst({
    where: { accountId, externalId: report.messageExternalId },
    select: { id: true },
  });
  if (!message) {
    const facts: MessageFacts = {
      externalId: report.messageExternalId,
      conversationExternalId: await placeholderConversation(tx, accountId, report, customerIdFor),
      customerExternalId: report.customerExternalId,
      channel: "call",
      direction: "inbound",
      status: "completed",
      body: null,
      contentType: null,
      subject: null,
      email: null,
      call: { durationSeconds: report.durationSeconds, outcome: "answered" },
      authorName: null,
      authorExternalId: null,
      source: "voice_ai",
      sentAt: report.sentAt,
      attachments: [],
    };
    await storeMessage(tx, accountId, facts, customerIdFor, webhookEventId);
    const placeholder = await tx.message.findFirst({
      where: { accountId, externalId: report.messageExternalId },
      select: { id: true },
    });
    await tx.callTranscript.update({ where, data: { placeholderMessageId: placeholder?.id ?? null } });
  }
  return syncTranscriptToMessages(tx, accountId, report.messageExternalId);
}

/**
 * The real call message of a report that came first: it takes over the placeholder row (same
 * id, so nothing pointing at it breaks). Returns the conversations that changed, or null when
 * there was no placeholder (the message is stored the ordinary way).
 */
export async function adoptPlaceholder(
  tx: Tx,
  accountId: string,
  facts: MessageFacts,
  webhookEventId: string,
  conversationIdOf: (facts: MessageFacts) => Promise<string>,
): Promise<string[] | null> {
  const where = { accountId_messageExternalId: { accountId, messageExternalId: facts.externalId } };
  const transcript = await tx.callTranscript.findUnique({ where, select: { placeholderMessageId: true } });
  const placeholderId = transcript?.placeholderMessageId;
  if (!placeholderId) return null;
  const placeholder = await tx.message.findUnique({
    where: { id: placeholderId },
    select: { conversationId: true, direction: true },
  });
  await tx.callTranscript.update({ where, data: { placeholderMessageId: null } });
  if (!placeholder) return null;
  const conversationId = await conversationIdOf(facts);
  await tx.message.update({
    where: { id: placeholderId },
    data: {
      conversationId,
      channel: facts.channel,
      direction: facts.direction,
      status: facts.status,
      body: facts.body,
      contentType: facts.contentType,
      callDurationSeconds: facts.call?.durationSeconds ?? undefined,
      callOutcome: facts.call?.outcome ?? undefined,
      authorName: facts.authorName,
      authorExternalId: facts.authorExternalId,
      source: facts.source,
      sentAt: facts.sentAt,
      webhookEventId,
    },
  });
  if (facts.attachments.length > 0) {
    await tx.attachment.createMany({
      data: facts.attachments.map((attachment, position) => ({
        id: randomUUID(),
        messageId: placeholderId,
        position,
        url: attachment.url,
        kind: attachment.kind,
        playable: isPlayableUrl(attachment.url),
      })),
      skipDuplicates: true,
    });
  }
  const moved = placeholder.conversationId !== conversationId;
  if (moved && placeholder.direction === "inbound") {
    // The unread it counted goes with it.
    await tx.$executeRaw`UPDATE conversations SET unread_count = GREATEST(unread_count - 1, 0) WHERE id = ${placeholder.conversationId}`;
    await tx.$executeRaw`UPDATE conversations SET unread_count = unread_count + 1 WHERE id = ${conversationId}`;
  }
  const changed = moved ? [placeholder.conversationId, conversationId] : [conversationId];
  for (const id of changed) await refreshConversationSummary(tx, verifiedAccountScope({ id: accountId }), id);
  await syncTranscriptToMessages(tx, accountId, facts.externalId);
  return changed;
}

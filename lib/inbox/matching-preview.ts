import { Prisma } from "@/lib/generated/prisma/client";
import { messagePreview } from "@/lib/normalize/message-preview";
import {
  CHANNELS,
  DIRECTIONS,
  callOutcomeSchema,
  channelSchema,
  directionSchema,
  type Channel,
  type Direction,
} from "@/lib/vocabulary";

// With channel or direction filters the list previews the newest message that matches them,
// not the conversation's newest message (an SMS + Inbound list must not preview an outbound
// email). One LATERAL lookup per listed row walks messages (conversation_id, sent_at, id)
// backwards and stops at the first match, so a page costs one short index scan per row.

/** Columns the LATERAL adds to a list row (null when nothing matched, or without filters). */
export interface MatchingMessageColumns {
  m_channel?: string | null;
  m_direction?: string | null;
  m_subject?: string | null;
  m_body_text?: string | null;
  m_call_outcome?: string | null;
  m_sent_at?: Date | null;
  m_attachment_count?: number | null;
  m_call_summary?: string | null;
}

export function matchingMessageJoin(channels: readonly Channel[], direction: Direction | null) {
  const wanted = channels.length > 0 ? channels : CHANNELS;
  const directions = direction ? [direction] : DIRECTIONS;
  return {
    columns: Prisma.sql`, lm.channel AS m_channel, lm.direction AS m_direction, lm.subject AS m_subject,
      lm.body_text AS m_body_text, lm.call_outcome AS m_call_outcome, lm.sent_at AS m_sent_at,
      lm.attachment_count AS m_attachment_count, lm.call_summary AS m_call_summary`,
    // A call that went to voicemail is also a voicemail (as in the conversation's message kinds).
    join: Prisma.sql`LEFT JOIN LATERAL (
      SELECT m.channel, m.direction, m.subject, left(m.body_text, 1000) AS body_text, m.call_outcome, m.sent_at, left(m.call_summary, 1000) AS call_summary,
             (SELECT count(*) FROM attachments at WHERE at.message_id = m.id)::int AS attachment_count
      FROM messages m
      WHERE m.conversation_id = c.id AND m.direction = ANY(${[...directions]}::text[])
        AND (m.channel = ANY(${[...wanted]}::text[])
             OR (m.channel = 'call' AND m.call_outcome = 'voicemail' AND 'voicemail' = ANY(${[...wanted]}::text[])))
      ORDER BY m.sent_at DESC, m.id DESC
      LIMIT 1) lm ON true`,
  };
}

/** The list row's lastMessage made from the matching message, or null when there was none. */
export function matchingLastMessage(row: MatchingMessageColumns) {
  if (!row.m_channel || !row.m_direction || !row.m_sent_at) return null;
  const channel = channelSchema.parse(row.m_channel);
  const direction = directionSchema.parse(row.m_direction);
  const sentAt = row.m_sent_at.toISOString();
  return {
    channel,
    direction,
    preview: messagePreview({
      channel,
      direction,
      subject: row.m_subject ?? null,
      bodyText: row.m_body_text ?? null,
      callOutcome: row.m_call_outcome ? callOutcomeSchema.parse(row.m_call_outcome) : null,
      attachmentCount: row.m_attachment_count ?? 0,
      callSummary: row.m_call_summary ?? null,
    }),
    sentAt,
    createdAt: sentAt,
  };
}

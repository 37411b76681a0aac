import { accountWhere, type AccountScope } from "@/lib/access/scope";
import {
  callOutcomeSchema,
  channelSchema,
  directionSchema,
  type CallOutcome,
  type Channel,
  type Direction,
} from "@/lib/vocabulary";
import type { Db } from "@/lib/db/client";
import { isoOrNull } from "@/lib/db/dates";
import type { Prisma } from "@/lib/generated/prisma/client";
import { sanitizeEmailHtml } from "@/lib/inbox/email-html";
import { decodeCursor, encodeCursor } from "@/lib/inbox/pagination";
import { teammateNames } from "@/lib/inbox/teammates";
import { type MessageSender, senderOf } from "@/lib/senders/sender";
import { type CallTranscriptView, transcriptsOf } from "@/lib/inbox/call-transcripts";
import type { MessageListQuery } from "@/lib/inbox/validations";
import { replyView, type ReplyView } from "@/lib/replies/view";

const include = {
  attachments: { orderBy: { position: "asc" } },
  reply: { select: { id: true, messageId: true, channel: true, state: true, error: true, scheduledFor: true } },
  account: { select: { provider: true } },
} satisfies Prisma.MessageInclude;
type MessageRow = Prisma.MessageGetPayload<{ include: typeof include }>;

export interface MessageView {
  id: string;
  externalId: string;
  channel: Channel;
  direction: Direction;
  status: string | null;
  body: string | null;
  subject: string | null;
  /** When the provider says it was sent (ISO 8601); messages are ordered by it. Null: a stored time no one can show (lib/db/dates.ts). */
  sentAt: string | null;
  /** @deprecated the same as sentAt, kept for one release for integrations. */
  createdAt: string | null;
  author: { name: string | null; externalId: string | null } | null;
  /** Who sent it (outbound only; lib/senders/sender.ts): a Threadline person, a HighLevel user, an automation. */
  sender: MessageSender | null;
  /** mediaUrl: where the page fetches it, through our media route; null when it cannot be fetched. */
  attachments: Array<{ id: string; url: string; kind: string; playable: boolean; mediaUrl: string | null }>;
  call: { durationSeconds: number | null; outcome: CallOutcome } | null;
  email: { from: string | null; to: string[]; cc: string[]; bcc: string[]; threadId: string | null } | null;
  /** Email bodies, sanitised on the server with remote content parked (see lib/inbox/email-html.ts). */
  html: { html: string; hasRemoteContent: boolean } | null;
  /** A call's summary, transcript and extracted facts (lib/inbox/call-transcripts.ts), or null. */
  transcript: CallTranscriptView | null;
  /** Sent from Threadline: how its send went (sending, sent, not delivered, outcome unknown). */
  reply: ReplyView | null;
}

function toView(row: MessageRow, teammateName: string | null, transcript: CallTranscriptView | null): MessageView {
  return {
    id: row.id,
    externalId: row.externalId,
    channel: channelSchema.parse(row.channel),
    direction: directionSchema.parse(row.direction),
    status: row.status,
    body: row.body,
    subject: row.subject,
    sentAt: isoOrNull(row.sentAt),
    // The provider's time under its old name, for integrations written against it; goes away in a later release.
    createdAt: isoOrNull(row.sentAt),
    // The payload's own name first (Voxity sends one); else the HighLevel user the id names.
    author:
      row.authorName || row.authorExternalId
        ? { name: row.authorName || teammateName, externalId: row.authorExternalId }
        : null,
    sender: senderOf({ ...row, provider: row.account.provider, fromThreadline: row.reply !== null }, teammateName),
    attachments: row.attachments.map(({ id, url, kind, playable }) => ({
      id,
      url,
      kind,
      playable,
      mediaUrl: playable ? `/api/media/${id}` : null,
    })),
    call: row.callOutcome
      ? { durationSeconds: row.callDurationSeconds, outcome: callOutcomeSchema.parse(row.callOutcome) }
      : null,
    email:
      row.channel === "email"
        ? { from: row.emailFrom, to: row.emailTo, cc: row.emailCc, bcc: row.emailBcc, threadId: row.emailThreadId }
        : null,
    html: row.channel === "email" && row.body ? sanitizeEmailHtml(row.body) : null,
    transcript,
    reply: row.reply ? replyView(row.reply) : null,
  };
}

/**
 * A page of a conversation's messages, oldest first within the page. By default pages walk
 * forward from the first message; with `latest` the first page is the newest messages and the
 * cursor walks back in time (what a chat view wants).
 */
export async function listMessages(db: Db, scope: AccountScope, conversationId: string, query: MessageListQuery) {
  const cursor = query.cursor ? decodeCursor(query.cursor) : null;
  const backwards = cursor ? cursor.dir === "older" : query.latest;
  const keyset: Prisma.MessageWhereInput = cursor
    ? backwards
      ? { OR: [{ sentAt: { lt: cursor.at } }, { sentAt: cursor.at, id: { lt: cursor.id } }] }
      : { OR: [{ sentAt: { gt: cursor.at } }, { sentAt: cursor.at, id: { gt: cursor.id } }] }
    : {};
  const order = backwards ? "desc" : "asc";
  const rows = await db.message.findMany({
    where: { conversationId, ...accountWhere(scope), ...keyset },
    orderBy: [{ sentAt: order }, { id: order }],
    take: query.limit + 1,
    include,
  });
  const hasMore = rows.length > query.limit;
  const page = rows.slice(0, query.limit);
  const edge = page.at(-1);
  if (backwards) page.reverse();
  const teammates = await teammateNames(
    db,
    scope,
    page.flatMap((row) =>
      !row.authorName && row.authorExternalId ? [{ accountId: row.accountId, externalId: row.authorExternalId }] : [],
    ),
  );
  const transcripts = await transcriptsOf(
    db,
    scope,
    page.filter((row) => row.channel === "call" || row.channel === "voicemail" || row.callOutcome !== null),
  );
  return {
    messages: page.map((row) =>
      toView(
        row,
        row.authorExternalId ? teammates.nameOf({ accountId: row.accountId, externalId: row.authorExternalId }) : null,
        transcripts.get(`${row.accountId}:${row.externalId}`) ?? null,
      ),
    ),
    nextCursor:
      hasMore && edge ? encodeCursor({ at: edge.sentAt, id: edge.id, dir: backwards ? "older" : "newer" }) : null,
  };
}

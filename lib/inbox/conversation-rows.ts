import { accountDisplayName } from "@/lib/access/people/account-names";
import { accountCondition, type AccountScope } from "@/lib/access/scope";
import {
  channelSchema,
  channelsFromKinds,
  directionSchema,
  labelColorSchema,
  type Channel,
  type Direction,
} from "@/lib/vocabulary";
import type { Db } from "@/lib/db/client";
import { isoOrNull } from "@/lib/db/dates";
import { preparedRows } from "@/lib/db/prepared";
import { Prisma } from "@/lib/generated/prisma/client";
import { fullName } from "@/lib/normalize/contact";
import type { SearchHit } from "@/lib/inbox/conversation-search";
import { matchingLastMessage, type MatchingMessageColumns } from "@/lib/inbox/matching-preview";
import type { ReaderId } from "@/lib/triage/read-state";
import { triageColumns } from "@/lib/inbox/conversation-views";
import type { LabelView } from "@/lib/team/labels";

// A conversation as a list row: the columns one row reads (its customer, account, newest message
// and the reader's triage state), fetched by id, and the summary the API answers with.

export interface ConversationRow extends MatchingMessageColumns {
  id: string;
  external_id: string;
  provider: string;
  account_id: string;
  account_external_id: string;
  account_name: string | null;
  account_display_name: string | null;
  customer_id: string | null;
  name: string | null;
  first_name: string | null;
  last_name: string | null;
  phone: string | null;
  email: string | null;
  message_kinds: string[] | null;
  last_message_preview: string | null;
  last_message_channel: string | null;
  last_message_direction: string | null;
  last_message_at: Date | null;
  last_message_id: string | null;
  viewer_unread_count: number;
  awaiting_reply_since: Date | null;
  callback_since: Date | null;
  done_at: Date | null;
  done: boolean;
  snoozed_until: Date | null;
  snooze_key: Date | null;
  assignee_id: string | null;
  assignee_name: string | null;
  labels: Array<{ id: string; name: string; color: string }>;
  callback_recording: { id: string; url: string; kind: string; playable: boolean } | null;
  callback_texted_back: boolean | null;
  callback_due_at: Date | null;
  callback_urgent: boolean | null;
  last_closing: boolean | null;
}

export interface ConversationSummary {
  id: string;
  externalId: string;
  provider: string;
  /** The account it belongs to, by the name people know it by (see lib/access/people/account-names.ts). */
  account: { id: string; name: string };
  customer: { id: string; name: string | null; phone: string | null; email: string | null } | null;
  channels: Channel[];
  /** `sentAt` is the provider's time of the newest message; `createdAt` the same, kept one release. */
  lastMessage: {
    channel: Channel;
    direction: Direction;
    preview: string | null;
    sentAt: string | null;
    createdAt: string | null;
  } | null;
  lastMessageAt: string | null;
  /** The newest message's id: the composer tells its own sends from new activity by it. */
  lastMessageId: string | null;
  /** Unread customer messages for the viewer (their own read state; a token's is HighLevel's). */
  unreadCount: number;
  /** Needs reply: the first customer message not yet answered, or null. */
  awaitingReplySince: string | null;
  /**
   * Callbacks: the first missed call or voicemail not yet returned, when the callback is due,
   * whether a Voice AI call made it urgent, its recording, and whether an SMS followed.
   */
  callback: {
    since: string;
    dueAt: string;
    urgent: boolean;
    recording: { id: string; url: string; kind: string; mediaUrl: string | null } | null;
    textedBack: boolean;
  } | null;
  /** The customer's newest message only closed the exchange ("Thanks 👍"): nobody owes a reply; done is one key away. */
  closedByCustomer: boolean;
  /** Done for the account (until the customer writes or calls again). */
  done: boolean;
  doneAt: string | null;
  /** Who on the team has it (Assign), or null. */
  assignee: { id: string; name: string } | null;
  /** Snoozed until then (out of every view but Snoozed), or null. */
  snoozedUntil: string | null;
  /** The account's labels on it, by name. */
  labels: LabelView[];
  /** With a search: the newest matching message (open the thread there), and a transcript excerpt. */
  searchHit?: SearchHit | null;
}

/** A list row; `matching` adds the newest message that matches the list's filters (its preview). */
export function selectSummary(reader: ReaderId, matching?: { columns: Prisma.Sql; join: Prisma.Sql }) {
  return Prisma.sql`
  SELECT c.id, c.external_id, a.provider, c.account_id, a.external_id AS account_external_id,
         a.name AS account_name, a.display_name AS account_display_name, c.customer_id, cu.name, cu.first_name, cu.last_name,
         cu.phone, cu.email, c.message_kinds, c.last_message_preview, c.last_message_channel,
         c.last_message_direction, c.last_message_at, c.last_message_id ${triageColumns(reader)} ${matching?.columns ?? Prisma.empty}
  FROM conversations c
  JOIN accounts a ON a.id = c.account_id
  LEFT JOIN customers cu ON cu.id = c.customer_id
  ${matching?.join ?? Prisma.empty}`;
}

export function toSummary(row: ConversationRow): ConversationSummary {
  return {
    id: row.id,
    externalId: row.external_id,
    provider: row.provider,
    account: {
      id: row.account_id,
      name: accountDisplayName({
        provider: row.provider,
        externalId: row.account_external_id,
        name: row.account_name,
        displayName: row.account_display_name,
      }),
    },
    customer: row.customer_id
      ? {
          id: row.customer_id,
          name: row.name ?? fullName(row.first_name, row.last_name),
          phone: row.phone,
          email: row.email,
        }
      : null,
    channels: channelsFromKinds(row.message_kinds ?? []),
    lastMessage:
      matchingLastMessage(row) ??
      (row.last_message_at && row.last_message_channel
        ? {
            channel: channelSchema.parse(row.last_message_channel),
            direction: directionSchema.parse(row.last_message_direction),
            preview: row.last_message_preview,
            sentAt: isoOrNull(row.last_message_at),
            createdAt: isoOrNull(row.last_message_at),
          }
        : null),
    lastMessageAt: isoOrNull(row.last_message_at),
    lastMessageId: row.last_message_id,
    unreadCount: row.viewer_unread_count,
    awaitingReplySince: isoOrNull(row.awaiting_reply_since),
    callback: row.callback_since
      ? {
          since: row.callback_since.toISOString(),
          dueAt: (row.callback_due_at ?? row.callback_since).toISOString(),
          urgent: Boolean(row.callback_urgent),
          recording: row.callback_recording && {
            id: row.callback_recording.id,
            url: row.callback_recording.url,
            kind: row.callback_recording.kind,
            mediaUrl: row.callback_recording.playable ? `/api/media/${row.callback_recording.id}` : null,
          },
          textedBack: Boolean(row.callback_texted_back),
        }
      : null,
    closedByCustomer: Boolean(row.last_closing) && !row.awaiting_reply_since && !row.done,
    done: row.done,
    doneAt: isoOrNull(row.done_at),
    assignee: row.assignee_id ? { id: row.assignee_id, name: row.assignee_name ?? "" } : null,
    snoozedUntil: isoOrNull(row.snoozed_until),
    labels: row.labels.map((label) => ({ ...label, color: labelColorSchema.catch("slate").parse(label.color) })),
  };
}

/**
 * The list rows of conversations `ids` in the reader's accounts, in that order (one gone meanwhile
 * is left out). The ids come from a scoped query; the scope is checked here again all the same.
 */
export async function summaryRows(
  db: Db,
  scope: AccountScope,
  readerId: ReaderId,
  ids: string[],
  matching?: { columns: Prisma.Sql; join: Prisma.Sql },
): Promise<ConversationRow[]> {
  if (ids.length === 0) return [];
  const rows = await preparedRows<ConversationRow>(
    db,
    Prisma.sql`${selectSummary(readerId, matching)}
      WHERE c.id = ANY(${ids}::text[]) AND ${accountCondition(scope, Prisma.sql`c.account_id`)}`,
  );
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

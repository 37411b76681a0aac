import { getPrisma } from "@/lib/db";
import { isoOrNull } from "@/lib/db/dates";
import type { Prisma } from "@/lib/generated/prisma/client";
import { HttpError, NotFoundError } from "@/lib/http/errors";
import { decodeCursor, encodeCursor } from "@/lib/inbox/pagination";
import { reachWhere, type AccountKey, type EventReach } from "./event-log-access";
import { eventStatusSchema, type EventStatus } from "@/lib/vocabulary";
import { requeueEvents, requeueEventsReturning } from "./event-log";
import {
  PENDING_STATUSES,
  type EventDetail,
  type EventListQuery,
  type EventPage,
  type EventRow,
  type EventSummary,
} from "./event-log-types";
import { wakeInProcessWorker } from "./in-process-worker";
import { readablePayload } from "./pretty-json";

// The read side of the event log (the browser's view of the queue) and its "Process again".
// Every query starts from the viewer's reach: an event outside it is not found, like an unknown id.

const rowSelect = {
  id: true,
  provider: true,
  eventType: true,
  accountExternalId: true,
  status: true,
  attempts: true,
  error: true,
  receivedAt: true,
  processedAt: true,
  availableAt: true,
} satisfies Prisma.WebhookEventSelect;
type SelectedRow = Prisma.WebhookEventGetPayload<{ select: typeof rowSelect }>;

const accountKey = (provider: string, externalId: string) => JSON.stringify([provider, externalId]);

type KnownAccount = { id: string; name: string | null };

/** The accounts the rows belong to (those that exist yet), in one query. */
async function accountsOf(rows: readonly SelectedRow[]): Promise<Map<string, KnownAccount>> {
  const keys = new Map<string, AccountKey>();
  for (const { provider, accountExternalId } of rows) {
    if (accountExternalId === null) continue;
    keys.set(accountKey(provider, accountExternalId), { provider, externalId: accountExternalId });
  }
  if (keys.size === 0) return new Map();
  const prisma = await getPrisma();
  const accounts = await prisma.account.findMany({
    where: { OR: [...keys.values()] },
    select: { id: true, provider: true, externalId: true, name: true },
  });
  return new Map(accounts.map(({ provider, externalId, ...known }) => [accountKey(provider, externalId), known]));
}

function toRow(row: SelectedRow, accounts: Map<string, KnownAccount>): EventRow {
  const account =
    row.accountExternalId === null ? undefined : accounts.get(accountKey(row.provider, row.accountExternalId));
  return {
    ...row,
    status: eventStatusSchema.parse(row.status),
    accountId: account?.id ?? null,
    accountName: account?.name ?? null,
    receivedAt: isoOrNull(row.receivedAt),
    processedAt: isoOrNull(row.processedAt),
    availableAt: isoOrNull(row.availableAt),
  };
}

async function findInReach<S extends Prisma.WebhookEventSelect>(reach: EventReach, id: string, select: S) {
  const prisma = await getPrisma();
  const event = await prisma.webhookEvent.findFirst({ where: { AND: [reachWhere(reach), { id }] }, select });
  // Another account's event is answered exactly like an id that does not exist.
  if (!event) throw new NotFoundError("event");
  return event;
}

/** Counts by provider and status, the backlog and how long its oldest event has waited. */
export async function eventSummary(reach: EventReach, now = new Date()): Promise<EventSummary> {
  const prisma = await getPrisma();
  const where = reachWhere(reach);
  const [groups, pending] = await Promise.all([
    prisma.webhookEvent.groupBy({ by: ["provider", "status"], where, _count: { _all: true } }),
    prisma.webhookEvent.aggregate({
      where: { AND: [where, { status: { in: [...PENDING_STATUSES] } }] },
      _min: { receivedAt: true },
    }),
  ]);
  const counts = groups
    .map(({ provider, status, _count }) => ({ provider, status: eventStatusSchema.parse(status), count: _count._all }))
    .sort((a, b) => a.provider.localeCompare(b.provider) || a.status.localeCompare(b.status));
  const total = (statuses: readonly EventStatus[]) =>
    counts.filter((c) => statuses.includes(c.status)).reduce((sum, c) => sum + c.count, 0);
  const oldest = pending._min.receivedAt;
  return {
    counts,
    backlog: total(PENDING_STATUSES),
    failed: total(["failed"]),
    oldestPendingAt: isoOrNull(oldest),
    lagSeconds: oldest && isoOrNull(oldest) ? Math.max(0, Math.round((now.getTime() - oldest.getTime()) / 1000)) : 0,
  };
}

/** Newest first, `limit` at a time; the cursor is the (received_at, id) of the last row served. */
export async function listEvents(reach: EventReach, query: EventListQuery): Promise<EventPage> {
  const prisma = await getPrisma();
  const cursor = query.cursor ? decodeCursor(query.cursor) : null;
  const rows = await prisma.webhookEvent.findMany({
    where: {
      AND: [
        reachWhere(reach),
        query.status ? { status: query.status } : {},
        query.provider ? { provider: query.provider } : {},
        cursor ? { OR: [{ receivedAt: { lt: cursor.at } }, { receivedAt: cursor.at, id: { lt: cursor.id } }] } : {},
      ],
    },
    orderBy: [{ receivedAt: "desc" }, { id: "desc" }],
    take: query.limit + 1,
    select: rowSelect,
  });
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  const accounts = await accountsOf(page);
  return {
    events: page.map((row) => toRow(row, accounts)),
    nextCursor: rows.length > query.limit && last ? encodeCursor({ at: last.receivedAt, id: last.id }) : null,
  };
}

/** The conversation an event stored a message in (any one, for an event that stored several), or null. */
async function conversationOf(accountId: string | null, eventId: string): Promise<string | null> {
  if (!accountId) return null;
  const prisma = await getPrisma();
  const message = await prisma.message.findFirst({
    where: { accountId, webhookEventId: eventId },
    select: { conversationId: true },
  });
  return message?.conversationId ?? null;
}

/** One event with its delivered body, for people to read (it holds personal data: reach first). */
export async function eventDetail(reach: EventReach, id: string): Promise<EventDetail> {
  const { rawBody, ...row } = await findInReach(reach, id, { ...rowSelect, rawBody: true });
  const shown = toRow(row, await accountsOf([row]));
  return {
    ...shown,
    ...readablePayload(rawBody),
    sizeBytes: rawBody.byteLength,
    conversationId: await conversationOf(shown.accountId, id),
  };
}

const REQUEUEABLE: readonly string[] = ["failed", "received"];

/** "Process again": a failed (or waiting) event back to the queue with fresh attempts. */
export async function requeueEvent(reach: EventReach, id: string): Promise<EventRow> {
  const { status } = await findInReach(reach, id, { status: true });
  if (!REQUEUEABLE.includes(status)) {
    const why = status === "processing" ? "is being processed right now" : `was ${status} already`;
    throw new HttpError(409, `event ${why}; only failed or waiting events can be processed again`);
  }
  // The UPDATE checks the status again (a worker may have taken the event since) and answers with the
  // event as requeued, never as a worker may already have claimed it a moment later.
  const [row] = await requeueEventsReturning({ AND: [reachWhere(reach), { id }] }, rowSelect);
  if (!row) throw new HttpError(409, "event changed meanwhile (a worker took it); reload and try again");
  wakeInProcessWorker();
  return toRow(row, await accountsOf([row]));
}

/** "Process all failed": every failed event the viewer may see, back to the queue. */
export async function requeueAllFailed(reach: EventReach): Promise<number> {
  const requeued = await requeueEvents({ AND: [reachWhere(reach), { status: "failed" }] });
  if (requeued > 0) wakeInProcessWorker();
  return requeued;
}

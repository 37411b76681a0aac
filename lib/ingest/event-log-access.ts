import type { Viewer } from "@/lib/access/viewer";
import { getPrisma } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { HttpError } from "@/lib/http/errors";

// Who may read the event log, and which events. Events are not linked to accounts by a key: an
// event belongs to the account whose (provider, external_id) equals its (provider,
// account_external_id), and may arrive before that account exists (or name none). Only an
// administrator sees those; an owner sees the events of the accounts they own, nothing else.
// Raw payloads carry personal data, so members (who read conversations, not deliveries) and
// API tokens (integrations read the read API, never raw deliveries) get nothing here.

export interface AccountKey {
  provider: string;
  externalId: string;
}

export type EventReach = { kind: "all" } | { kind: "accounts"; accounts: readonly AccountKey[] };

/** The viewer's reach over the event log, or null when they may not read it at all. */
export async function eventLogReach(viewer: Viewer): Promise<EventReach | null> {
  if (viewer.kind !== "user") return null;
  if (viewer.isAdmin) return { kind: "all" };
  const prisma = await getPrisma();
  const owned = await prisma.membership.findMany({
    where: { userId: viewer.userId, role: "owner" },
    select: { account: { select: { provider: true, externalId: true } } },
  });
  if (owned.length === 0) return null;
  return { kind: "accounts", accounts: owned.map(({ account }) => account) };
}

/** The guard of every event-log route: 403 for API tokens and for people who own no account. */
export async function requireEventLogReader(viewer: Viewer): Promise<EventReach> {
  if (viewer.kind !== "user") throw new HttpError(403, "the event log is for signed-in people, not API tokens");
  const reach = await eventLogReach(viewer);
  if (!reach) throw new HttpError(403, "the event log is for administrators and account owners");
  return reach;
}

/** The events a reach covers, as a Prisma condition every event-log query starts from. */
export function reachWhere(reach: EventReach): Prisma.WebhookEventWhereInput {
  if (reach.kind === "all") return {};
  return { OR: reach.accounts.map(({ provider, externalId }) => ({ provider, accountExternalId: externalId })) };
}

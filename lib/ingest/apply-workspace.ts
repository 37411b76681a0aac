import type { Prisma } from "@/lib/generated/prisma/client";
import type { TeammateFacts } from "@/lib/providers/contract";
import { StaleAccountIdError } from "./account-ids";

// Writes what a provider tells us about an account itself: its name and its teammates.
// HighLevel's user events carry no version time; the worker applies one account's events in
// arrival order, so the last delivered wins.

type Tx = Prisma.TransactionClient;

export async function upsertTeammate(tx: Tx, accountId: string, teammate: TeammateFacts): Promise<void> {
  const { externalId, ...fields } = teammate;
  const data = Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined));
  await tx.teammate.upsert({
    where: { accountId_externalId: { accountId, externalId } },
    create: { accountId, externalId, ...data },
    update: { ...data, deletedAt: null },
  });
}

/** Deleted teammates keep their row: old messages still show who wrote them. */
export async function removeTeammate(tx: Tx, accountId: string, externalId: string): Promise<void> {
  await tx.teammate.upsert({
    where: { accountId_externalId: { accountId, externalId } },
    create: { accountId, externalId, deletedAt: new Date() },
    update: { deletedAt: new Date() },
  });
}

export async function nameAccount(tx: Tx, accountId: string, name: string): Promise<void> {
  // Not update(): a cached id of a deleted account would fail as P2025, a 'record not found'
  // that looks like any other; this names the stale id so the worker forgets it and goes again.
  const { count } = await tx.account.updateMany({ where: { id: accountId }, data: { name } });
  if (count === 0) throw new StaleAccountIdError(accountId);
}

/**
 * HighLevel's unread count of a conversation becomes the shared count; when it says 0 the
 * conversation was read there, which counts as read for everyone here up to when the delivery
 * arrived: customer messages after that are unread again. Unknown conversations are left alone.
 * Returns the conversation's id, for live views to refresh.
 */
export async function applyProviderUnread(
  tx: Tx,
  accountId: string,
  conversationExternalId: string,
  unreadCount: number,
  webhookEventId: string,
): Promise<string | null> {
  const rows = await tx.$queryRaw<Array<{ id: string }>>`
    UPDATE conversations c SET unread_count = ${unreadCount}::int,
      read_by_all_at = CASE WHEN ${unreadCount}::int = 0 THEN GREATEST(c.read_by_all_at,
        COALESCE((SELECT received_at FROM webhook_events WHERE id = ${webhookEventId}), now())) ELSE c.read_by_all_at END
    WHERE c.account_id = ${accountId} AND c.external_id = ${conversationExternalId}
    RETURNING c.id`;
  return rows[0]?.id ?? null;
}

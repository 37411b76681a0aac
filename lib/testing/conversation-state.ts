import { getPrisma } from "@/lib/db";

// Everything a team action can change on a conversation, as plain values: what undo tests compare
// before and after.

// A read row marked unread reads from -infinity, which a Date holds as NaN.
const iso = (date: Date | null) => (date ? (Number.isNaN(date.getTime()) ? "-infinity" : date.toISOString()) : null);

export async function conversationState(ids: string[], readerIds: string[] = []) {
  const prisma = await getPrisma();
  const rows = await prisma.conversation.findMany({
    where: { id: { in: ids } },
    select: {
      id: true,
      assigneeId: true,
      doneAt: true,
      awaitingReplySince: true,
      callbackSince: true,
      snoozedUntil: true,
      snoozedAt: true,
      labels: { select: { labelId: true }, orderBy: { labelId: "asc" } },
      reads: {
        where: { userId: { in: readerIds } },
        select: { userId: true, readAt: true, markedUnread: true },
        orderBy: { userId: "asc" },
      },
    },
  });
  const byId = new Map(rows.map((row) => [row.id, row]));
  // In the order asked; a conversation that no longer exists is left out.
  return ids.flatMap((id) => {
    const row = byId.get(id);
    if (!row) return [];
    return {
      id,
      assigneeId: row.assigneeId,
      doneAt: iso(row.doneAt),
      awaitingReplySince: iso(row.awaitingReplySince),
      callbackSince: iso(row.callbackSince),
      snoozedUntil: iso(row.snoozedUntil),
      snoozedAt: iso(row.snoozedAt),
      labels: row.labels.map((label) => label.labelId),
      reads: row.reads.map((read) => ({
        userId: read.userId,
        readAt: iso(read.readAt),
        markedUnread: read.markedUnread,
      })),
    };
  });
}

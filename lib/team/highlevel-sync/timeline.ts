import type { Prisma } from "@/lib/generated/prisma/client";
import type { ActivityKind } from "@/lib/vocabulary";
import { SYSTEM_ACTOR, type Actor } from "../actor";
import type { ActivityDetail } from "../activity";

// The sync's lines in a conversation's timeline. HighLevel's own change is HighLevel's line, at
// HighLevel's time of it (so an older change shows before the later one it lost to); the state
// of our writes is Threadline's, and says something only when it is not simply done: waiting on
// HighLevel, failed, not possible (no linked user), and "Synced" once after one of those.

type Db = Pick<Prisma.TransactionClient, "conversationActivity">;

export const HIGHLEVEL_ACTOR: Actor = { userId: null, name: "HighLevel" };

/** The lines that say how our write went. */
export const SYNC_STATE_KINDS = ["highlevel_synced", "highlevel_sync_retrying", "highlevel_sync_failed"] as const;
export type SyncStateKind = (typeof SYNC_STATE_KINDS)[number];

export async function recordSyncLine(
  db: Db,
  line: {
    accountId: string;
    conversationId: string;
    kind: ActivityKind;
    detail?: ActivityDetail;
    actor?: Actor;
    at?: Date;
  },
): Promise<void> {
  const actor = line.actor ?? SYSTEM_ACTOR;
  await db.conversationActivity.create({
    data: {
      accountId: line.accountId,
      conversationId: line.conversationId,
      actorId: actor.userId,
      actorName: actor.name,
      kind: line.kind,
      detail: { ...line.detail },
      ...(line.at ? { createdAt: line.at } : {}),
    },
  });
}

/** The newest line of these kinds in a conversation, to say a state once rather than per try. */
export async function lastLineOf(
  db: Db,
  conversationId: string,
  kinds: readonly ActivityKind[],
): Promise<{ kind: string; detail: Prisma.JsonValue } | null> {
  return db.conversationActivity.findFirst({
    where: { conversationId, kind: { in: [...kinds] } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { kind: true, detail: true },
  });
}

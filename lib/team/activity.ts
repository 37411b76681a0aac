import type { RootDb } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { activityKindSchema, type ActivityKind } from "@/lib/vocabulary";
import type { Actor } from "./actor";

// The small system lines a conversation's timeline shows for what people did to it: recorded in
// the same transaction as the action, so a line exists exactly when the action happened.

type Tx = Prisma.TransactionClient;

/** What a line needs besides its kind: the new assignee's name, the snooze's wake time. */
export interface ActivityDetail {
  assigneeName?: string;
  until?: string;
  labelName?: string;
  /** HighLevel sync: why it failed or waits, in words. */
  reason?: string;
  /** HighLevel's assignment: whether its user is linked to a member, and whether it was applied here. */
  linked?: boolean;
  applied?: boolean;
}

export interface ActivityView {
  id: string;
  kind: ActivityKind;
  actorName: string | null;
  at: string;
  detail: ActivityDetail;
}

export async function recordActivity(
  tx: Tx,
  entry: { accountId: string; conversationId: string; actor: Actor; kind: ActivityKind; detail?: ActivityDetail },
): Promise<void> {
  await tx.conversationActivity.create({
    data: {
      accountId: entry.accountId,
      conversationId: entry.conversationId,
      actorId: entry.actor.userId,
      actorName: entry.actor.name,
      kind: entry.kind,
      detail: { ...entry.detail },
    },
  });
}

const detailOf = (value: unknown): ActivityDetail => {
  if (!value || typeof value !== "object") return {};
  const { assigneeName, until, labelName, reason, linked, applied } = value as Record<string, unknown>;
  return {
    ...(typeof assigneeName === "string" ? { assigneeName } : {}),
    ...(typeof until === "string" ? { until } : {}),
    ...(typeof labelName === "string" ? { labelName } : {}),
    ...(typeof reason === "string" ? { reason } : {}),
    ...(typeof linked === "boolean" ? { linked } : {}),
    ...(typeof applied === "boolean" ? { applied } : {}),
  };
};

/** A conversation's lines, oldest first (the caller has checked the conversation is in scope). */
export async function listActivity(db: RootDb, conversationId: string): Promise<ActivityView[]> {
  const rows = await db.conversationActivity.findMany({
    where: { conversationId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: 500,
  });
  return rows.map((row) => ({
    id: row.id,
    kind: activityKindSchema.parse(row.kind),
    actorName: row.actorName,
    at: row.createdAt.toISOString(),
    detail: detailOf(row.detail),
  }));
}

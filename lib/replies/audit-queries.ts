import type { RootDb } from "@/lib/db/client";
import { accountDisplayName } from "@/lib/access/people/account-names";
import type { Viewer } from "@/lib/access/viewer";
import { isoOrNull } from "@/lib/db/dates";
import type { Prisma } from "@/lib/generated/prisma/client";
import { HttpError, NotFoundError } from "@/lib/http/errors";
import { sendAuditActionSchema } from "@/lib/vocabulary";
import { z } from "zod";
import type { SendAuditPage, SendAuditQuery } from "./audit-types";

// Reading the send audit: like the event log, for administrators (every account) and owners (the
// accounts they own). Members and API tokens get 403: it names everyone who sent.

// The page cursor: the (created_at, id) of the last row served, opaque to clients (base64url JSON).
const cursorSchema = z.object({ at: z.iso.datetime(), id: z.string().min(1).max(100) });

const encodeCursor = (at: Date, id: string) =>
  Buffer.from(JSON.stringify({ at: at.toISOString(), id })).toString("base64url");

function decodeCursor(text: string): { at: Date; id: string } {
  try {
    const parsed = cursorSchema.parse(JSON.parse(Buffer.from(text, "base64url").toString("utf8")));
    return { at: new Date(parsed.at), id: parsed.id };
  } catch {
    throw new HttpError(400, "cursor is not one this API issued");
  }
}

export type AuditReach = { kind: "all" } | { kind: "accounts"; accountIds: readonly string[] };

/** The viewer's reach over the send audit, or null when they may not read it. */
export async function sendAuditReach(db: RootDb, viewer: Viewer): Promise<AuditReach | null> {
  if (viewer.kind !== "user") return null;
  if (viewer.isAdmin) return { kind: "all" };
  const owned = await db.membership.findMany({
    where: { userId: viewer.userId, role: "owner" },
    select: { accountId: true },
  });
  return owned.length === 0 ? null : { kind: "accounts", accountIds: owned.map((m) => m.accountId) };
}

export async function requireSendAuditReader(db: RootDb, viewer: Viewer): Promise<AuditReach> {
  if (viewer.kind !== "user") throw new HttpError(403, "the send audit is for signed-in people, not API tokens");
  const reach = await sendAuditReach(db, viewer);
  if (!reach) throw new HttpError(403, "the send audit is for administrators and account owners");
  return reach;
}

function accountFilter(reach: AuditReach, accountId: string | undefined): Prisma.SendAuditWhereInput {
  if (accountId) {
    // Another account is as unknown as one that does not exist.
    if (reach.kind === "accounts" && !reach.accountIds.includes(accountId)) throw new NotFoundError("account");
    return { accountId };
  }
  return reach.kind === "all" ? {} : { accountId: { in: [...reach.accountIds] } };
}

/** Newest first, `limit` at a time; the cursor is the (created_at, id) of the last row served. */
export async function listSendAudit(db: RootDb, reach: AuditReach, query: SendAuditQuery): Promise<SendAuditPage> {
  const cursor = query.cursor ? decodeCursor(query.cursor) : null;
  const rows = await db.sendAudit.findMany({
    where: {
      AND: [
        accountFilter(reach, query.accountId),
        cursor ? { OR: [{ createdAt: { lt: cursor.at } }, { createdAt: cursor.at, id: { lt: cursor.id } }] } : {},
      ],
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: query.limit + 1,
    include: { account: { select: { provider: true, externalId: true, name: true, displayName: true } } },
  });
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    rows: page.map((row) => ({
      id: row.id,
      at: isoOrNull(row.createdAt) ?? "",
      action: sendAuditActionSchema.parse(row.action),
      channel: row.channel,
      accountId: row.accountId,
      accountName: accountDisplayName(row.account),
      conversationId: row.conversationId,
      replyId: row.replyId,
      // Tokens are revoked, never deleted (but with their account, and its audit): a row without
      // one was a person's, even once that person's user is gone.
      actor: row.actorName === null ? null : { kind: row.actorTokenId ? "token" : "person", name: row.actorName },
      reason: row.reason,
    })),
    nextCursor: rows.length > query.limit && last ? encodeCursor(last.createdAt, last.id) : null,
  };
}

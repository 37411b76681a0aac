import type { RootDb } from "@/lib/db/client";
import { accountWhere } from "@/lib/access/scope";
import type { Viewer } from "@/lib/access/viewer";
import type { Prisma } from "@/lib/generated/prisma/client";
import { HttpError, NotFoundError } from "@/lib/http/errors";
import { type DraftInput, type DraftView, isEmptyDraft } from "./draft-validations";

// Reply drafts on the server: one per person and conversation, read and written only by that
// person, in conversations of their scope. Sending a reply clears the sender's draft in the
// send's own transaction; cancelling a scheduled reply puts its text back into the canceller's.

type Tx = Prisma.TransactionClient;

type DraftRow = {
  text: string;
  subject: string | null;
  channel: string | null;
  cc: string | null;
  bcc: string | null;
  updatedAt: Date;
};

const view = (row: DraftRow): DraftView => ({
  text: row.text,
  subject: row.subject,
  channel: row.channel,
  cc: row.cc,
  bcc: row.bcc,
  updatedAt: row.updatedAt.toISOString(),
});

/** The person and the conversation's account; 404 outside their scope (ids cannot be probed). */
async function draftOwner(db: RootDb, viewer: Viewer, conversationId: string) {
  // An API token is no person: it has no drafts to read or write.
  if (viewer.kind !== "user") throw new HttpError(403, "drafts belong to a signed-in person");
  const conversation = await db.conversation.findFirst({
    where: { id: conversationId, ...accountWhere(viewer.scope) },
    select: { id: true, accountId: true },
  });
  if (!conversation) throw new NotFoundError("conversation");
  return { userId: viewer.userId, accountId: conversation.accountId };
}

export async function readDraft(db: RootDb, viewer: Viewer, conversationId: string): Promise<DraftView | null> {
  const { userId } = await draftOwner(db, viewer, conversationId);
  const row = await db.replyDraft.findUnique({ where: { conversationId_userId: { conversationId, userId } } });
  return row ? view(row) : null;
}

/** Stores the draft as typed (last write wins); an empty one removes it. */
export async function saveDraft(
  db: RootDb,
  viewer: Viewer,
  conversationId: string,
  input: DraftInput,
): Promise<DraftView | null> {
  const { userId, accountId } = await draftOwner(db, viewer, conversationId);
  if (isEmptyDraft(input)) {
    await db.replyDraft.deleteMany({ where: { conversationId, userId } });
    return null;
  }
  // One statement: two saves at once (two tabs) cannot both insert.
  const [row] = await db.$queryRaw<DraftRow[]>`
    INSERT INTO reply_drafts (conversation_id, user_id, account_id, channel, text, subject, cc, bcc, updated_at)
    VALUES (${conversationId}, ${userId}, ${accountId}, ${input.channel ?? null}, ${input.text}, ${input.subject ?? null},
      ${input.cc ?? null}, ${input.bcc ?? null}, now())
    ON CONFLICT (conversation_id, user_id) DO UPDATE SET
      channel = EXCLUDED.channel, text = EXCLUDED.text, subject = EXCLUDED.subject, cc = EXCLUDED.cc,
      bcc = EXCLUDED.bcc, updated_at = now()
    RETURNING text, subject, channel, cc, bcc, updated_at AS "updatedAt"`;
  if (!row) throw new Error("the draft upsert returned no row");
  return view(row);
}

export async function deleteDraft(db: RootDb, viewer: Viewer, conversationId: string): Promise<void> {
  const { userId } = await draftOwner(db, viewer, conversationId);
  await db.replyDraft.deleteMany({ where: { conversationId, userId } });
}

/** Inside the send's transaction: the sender's draft is what they just sent. */
export async function clearDraftOnSend(tx: Tx, conversationId: string, userId: string): Promise<void> {
  await tx.replyDraft.deleteMany({ where: { conversationId, userId } });
}

/**
 * Puts a cancelled reply's text back as the person's draft. A draft they started meanwhile is
 * kept, with the reply's text after it: nothing typed is lost either way.
 */
export async function restoreIntoDraft(
  tx: Tx,
  draft: {
    accountId: string;
    conversationId: string;
    userId: string;
    channel: string;
    text: string;
    subject: string | null;
    /** An email's Cc and Bcc, as the composer shows them ("a@x.example, b@y.example"). */
    cc: string | null;
    bcc: string | null;
  },
): Promise<DraftView> {
  const [row] = await tx.$queryRaw<DraftRow[]>`
    INSERT INTO reply_drafts (conversation_id, user_id, account_id, channel, text, subject, cc, bcc, updated_at)
    VALUES (${draft.conversationId}, ${draft.userId}, ${draft.accountId}, ${draft.channel}, ${draft.text}, ${draft.subject},
      ${draft.cc}, ${draft.bcc}, now())
    ON CONFLICT (conversation_id, user_id) DO UPDATE SET
      text = CASE WHEN btrim(reply_drafts.text) = '' THEN EXCLUDED.text
                  ELSE reply_drafts.text || E'\n\n' || EXCLUDED.text END,
      channel = CASE WHEN btrim(reply_drafts.text) = '' THEN EXCLUDED.channel ELSE reply_drafts.channel END,
      subject = COALESCE(NULLIF(btrim(reply_drafts.subject), ''), EXCLUDED.subject),
      cc = COALESCE(NULLIF(btrim(reply_drafts.cc), ''), EXCLUDED.cc),
      bcc = COALESCE(NULLIF(btrim(reply_drafts.bcc), ''), EXCLUDED.bcc),
      updated_at = now()
    RETURNING text, subject, channel, cc, bcc, updated_at AS "updatedAt"`;
  if (!row) throw new Error("the draft upsert returned no row");
  return view(row);
}

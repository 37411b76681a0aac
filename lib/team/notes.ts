import type { RootDb } from "@/lib/db/client";
import type { AccountScope } from "@/lib/access/scope";
import { HttpError } from "@/lib/http/errors";
import { publishConversationChanges } from "@/lib/live/bus";
import type { Actor } from "./actor";
import { lockConversation } from "./conversation-row";
import { membersAmong } from "./members";
import { scheduleMentionMails } from "./mention-mail-job";
import type { NoteInput } from "./validations";

// Internal notes: words for colleagues, stored in Threadline only and never sent to a provider.
// A mention puts the conversation in the mentioned person's Mentions view and makes it unread
// for them, until they open it.

export interface NoteView {
  id: string;
  authorId: string | null;
  authorName: string;
  text: string;
  at: string;
  mentions: Array<{ id: string; name: string }>;
}

type NoteRow = {
  id: string;
  authorId: string | null;
  authorName: string;
  text: string;
  createdAt: Date;
  mentions: Array<{ user: { id: string; name: string; email: string } }>;
};

const toView = (note: NoteRow): NoteView => ({
  id: note.id,
  authorId: note.authorId,
  authorName: note.authorName,
  text: note.text,
  at: note.createdAt.toISOString(),
  mentions: note.mentions.map(({ user }) => ({ id: user.id, name: user.name || user.email })),
});

const noteSelect = {
  id: true,
  authorId: true,
  authorName: true,
  text: true,
  createdAt: true,
  mentions: { select: { user: { select: { id: true, name: true, email: true } } } },
} as const;

export async function addNote(
  db: RootDb,
  id: string,
  scope: AccountScope,
  actor: Actor,
  input: NoteInput,
): Promise<NoteView> {
  const { accountId, note } = await db.$transaction(async (tx) => {
    const conversation = await lockConversation(tx, id, scope);
    const mentioned = await membersAmong(tx, conversation.accountId, input.mentions);
    const strangers = input.mentions.filter((userId) => !mentioned.has(userId));
    if (strangers.length > 0) throw new HttpError(400, "a mentioned person is not a member of this account");
    const created = await tx.conversationNote.create({
      data: {
        accountId: conversation.accountId,
        conversationId: id,
        authorId: actor.userId,
        authorName: actor.name,
        text: input.text,
      },
      select: { id: true },
    });
    const others = [...mentioned.keys()].filter((userId) => userId !== actor.userId);
    await tx.noteMention.createMany({
      data: others.map((userId) => ({ noteId: created.id, userId, conversationId: id })),
    });
    await scheduleMentionMails(tx, { accountId: conversation.accountId, noteId: created.id, userIds: others });
    for (const userId of others)
      await tx.$executeRaw`
        INSERT INTO conversation_reads (user_id, conversation_id, read_at, marked_unread)
        VALUES (${userId}, ${id}, '-infinity'::timestamptz, true)
        ON CONFLICT (user_id, conversation_id) DO UPDATE SET marked_unread = true`;
    const note = await tx.conversationNote.findUniqueOrThrow({ where: { id: created.id }, select: noteSelect });
    return { accountId: conversation.accountId, note: toView(note) };
  });
  publishConversationChanges(accountId, [id]);
  return note;
}

/** A conversation's notes, oldest first (the caller has checked the conversation is in scope). */
export async function listNotes(db: RootDb, conversationId: string): Promise<NoteView[]> {
  const notes = await db.conversationNote.findMany({
    where: { conversationId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: 500,
    select: noteSelect,
  });
  return notes.map(toView);
}

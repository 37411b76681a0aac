import { z } from "zod";
import { accountDisplayName } from "@/lib/access/people/account-names";
import { getPrisma } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { defineJob } from "@/lib/jobs/definition";
import { enqueueJob } from "@/lib/jobs/queue";
import { mailConfigured, mailLinkOrigin } from "@/lib/mail/config";
import { enqueueMail } from "@/lib/mail/outbox";
import { mentionMail } from "@/lib/mail/templates";

// A mention not seen in time is mailed (issue #24): the note's words and a link to the
// conversation, through the mail outbox. The job is queued with the note, due after the delay;
// when it runs it mails only a mention that is still unseen, never mailed, and whose person is
// still a member of the account, and marks it mailed in the same transaction as the mail, so a
// rerun (at-least-once) never mails twice.

export const MENTION_MAIL_JOB_KIND = "mention-mail";

/** THREADLINE_MENTION_MAIL_MINUTES (default 15; 0 mails at once; "off" never mails). */
export function mentionMailDelayMs(): number | null {
  const raw = process.env.THREADLINE_MENTION_MAIL_MINUTES?.trim();
  if (raw === "off") return null;
  const minutes = raw === undefined || raw === "" ? 15 : Number(raw);
  return Number.isFinite(minutes) && minutes >= 0 ? minutes * 60_000 : 15 * 60_000;
}

/** Queues the mail check of each mention, inside the note's transaction. */
export async function scheduleMentionMails(
  tx: Prisma.TransactionClient,
  input: { accountId: string; noteId: string; userIds: string[] },
): Promise<void> {
  const delay = mentionMailDelayMs();
  if (delay === null) return;
  for (const userId of input.userIds)
    await enqueueJob(tx, {
      kind: MENTION_MAIL_JOB_KIND,
      accountId: input.accountId,
      payload: { noteId: input.noteId, userId },
      runAfter: new Date(Date.now() + delay),
    });
}

const payloadSchema = z.object({ noteId: z.string(), userId: z.string() });

type DueMention = {
  email: string;
  author_name: string;
  text: string;
  conversation_id: string;
  provider: string;
  external_id: string;
  account_name: string | null;
  display_name: string | null;
};

export const mentionMailJob = defineJob({
  kind: MENTION_MAIL_JOB_KIND,
  payload: payloadSchema,
  semantics: "at-least-once",
  maxAttempts: 10,
  leaseMs: 30_000,
  concurrency: 2,
  async run({ noteId, userId }) {
    // Without SMTP there is nobody to mail: the Mentions view is the whole story then.
    if (!mailConfigured()) return { outcome: "done" };
    const prisma = await getPrisma();
    await prisma.$transaction(async (tx) => {
      const [due] = await tx.$queryRaw<DueMention[]>`
        SELECT u.email, n.author_name, n.text, n.conversation_id,
               a.provider, a.external_id, a.name AS account_name, a.display_name
        FROM note_mentions nm
        JOIN conversation_notes n ON n.id = nm.note_id
        JOIN users u ON u.id = nm.user_id
        JOIN accounts a ON a.id = n.account_id
        WHERE nm.note_id = ${noteId} AND nm.user_id = ${userId}
          AND nm.seen_at IS NULL AND nm.mailed_at IS NULL
          AND (EXISTS (SELECT 1 FROM memberships m WHERE m.user_id = nm.user_id AND m.account_id = n.account_id)
               OR u.is_admin)
        FOR UPDATE OF nm`;
      if (!due) return;
      // The name people know the account by (the owner's, HighLevel's), never a bare null.
      const account = accountDisplayName({
        provider: due.provider,
        externalId: due.external_id,
        name: due.account_name,
        displayName: due.display_name,
      });
      const url = `${mailLinkOrigin()}/?view=mentions&c=${encodeURIComponent(due.conversation_id)}`;
      await enqueueMail(tx, mentionMail({ to: due.email, author: due.author_name, account, note: due.text, url }));
      await tx.noteMention.update({
        where: { noteId_userId: { noteId, userId } },
        data: { mailedAt: new Date() },
      });
    });
    return { outcome: "done" };
  },
});

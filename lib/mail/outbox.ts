import { getPrisma } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { logger } from "@/lib/logger";
import type { MailKind } from "@/lib/vocabulary";
import { MAX_MAIL_ATTEMPTS, mailRetryDelaySeconds, mailSettings } from "./config";
import { mailTransport } from "./transport";

// The mail outbox: a message is a row written in the transaction of what it announces, so a
// rolled-back invitation mails nobody and a committed one is never lost. Senders (every app
// process, `npm run worker`) claim due rows with FOR UPDATE SKIP LOCKED and a lease, send them
// through SMTP and record the outcome; a failure waits out a growing backoff and is visible.

export interface OutgoingMail {
  kind: MailKind;
  to: string;
  subject: string;
  text: string;
  html: string;
  invitationId?: string;
}

type Writer = Pick<Prisma.TransactionClient, "mailOutbox">;

/** Queues a message inside the caller's transaction (or on its own when given the client). */
export async function enqueueMail(db: Writer, mail: OutgoingMail): Promise<void> {
  await db.mailOutbox.create({
    data: {
      kind: mail.kind,
      recipient: mail.to,
      subject: mail.subject,
      textBody: mail.text,
      htmlBody: mail.html,
      invitationId: mail.invitationId ?? null,
    },
  });
}

interface ClaimedMail {
  id: string;
  kind: string;
  recipient: string;
  subject: string;
  textBody: string | null;
  htmlBody: string | null;
  attempts: number;
}

/**
 * A sender that dies mid-send leaves its claim; after this another sender may retry it. It must
 * outlast a whole batch against a stalled server (transport timeouts: about 40 s a message).
 */
const LEASE_SECONDS = 300;
const BATCH_SIZE = 5;

async function claimDueMail(limit: number): Promise<ClaimedMail[]> {
  const prisma = await getPrisma();
  return prisma.$queryRaw<ClaimedMail[]>`
    UPDATE "mail_outbox" AS mail
    SET "status" = 'sending', "attempts" = mail."attempts" + 1,
        "available_at" = now() + make_interval(secs => ${LEASE_SECONDS})
    FROM (
      SELECT "id" FROM "mail_outbox"
      WHERE "status" IN ('pending', 'sending') AND "available_at" <= now()
      ORDER BY "available_at"
      LIMIT ${limit}
      FOR UPDATE SKIP LOCKED
    ) AS picked
    WHERE mail."id" = picked."id"
    RETURNING mail."id", mail."kind", mail."recipient", mail."subject", mail."text_body" AS "textBody",
      mail."html_body" AS "htmlBody", mail."attempts"`;
}

/** SMTP errors quote the envelope; the owner sees this text, the logs never do. */
const describeFailure = (error: unknown): string => {
  const failure = error as { message?: string; responseCode?: number; code?: string };
  const text = `${failure.code ?? "error"}${failure.responseCode ? ` ${failure.responseCode}` : ""}: ${failure.message ?? String(error)}`;
  return text.replace(/[^\s<>"'@]+@[^\s<>"'@]+/g, "<address>").slice(0, 500);
};

async function recordOutcome(mail: ClaimedMail, error: unknown | null): Promise<"sent" | "retrying" | "failed"> {
  const prisma = await getPrisma();
  const claim = { id: mail.id, status: "sending", attempts: mail.attempts };
  if (error === null) {
    // The link in the body is a credential: once delivered, the database need not keep it.
    await prisma.mailOutbox.updateMany({
      where: claim,
      data: { status: "sent", sentAt: new Date(), lastError: null, textBody: null, htmlBody: null },
    });
    return "sent";
  }
  const lastError = describeFailure(error);
  const giveUp = mail.attempts >= MAX_MAIL_ATTEMPTS;
  await prisma.mailOutbox.updateMany({
    where: claim,
    data: giveUp
      ? { status: "failed", lastError, textBody: null, htmlBody: null }
      : {
          status: "pending",
          lastError,
          availableAt: new Date(Date.now() + mailRetryDelaySeconds(mail.attempts) * 1000),
        },
  });
  logger.warn("mail: delivery failed", { mailId: mail.id, kind: mail.kind, attempts: mail.attempts, giveUp });
  return giveUp ? "failed" : "retrying";
}

export interface OutboxDrain {
  sent: number;
  retrying: number;
  failed: number;
}

/** Sends every due message (a batch at a time) and returns what happened; nothing without SMTP_URL. */
export async function drainOutbox(batchSize = BATCH_SIZE): Promise<OutboxDrain> {
  const totals: OutboxDrain = { sent: 0, retrying: 0, failed: 0 };
  const settings = mailSettings();
  if (!settings) return totals;
  for (;;) {
    const batch = await claimDueMail(batchSize);
    for (const mail of batch) {
      const error = await mailTransport(settings)
        .sendMail({
          from: settings.from,
          to: mail.recipient,
          subject: mail.subject,
          text: mail.textBody ?? "",
          html: mail.htmlBody ?? undefined,
        })
        .then(
          () => null,
          (failure: unknown) => failure ?? new Error("unknown SMTP failure"),
        );
      totals[await recordOutcome(mail, error)] += 1;
    }
    if (batch.length < batchSize) return totals;
  }
}

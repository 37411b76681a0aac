import { randomUUID } from "node:crypto";
import { getPrisma } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { logger } from "@/lib/logger";
import { mailConfigured, mailLinkOrigin } from "@/lib/mail/config";
import type { OutgoingMail } from "@/lib/mail/outbox";
import { kickMailSender } from "@/lib/mail/sender";
import { passwordResetMail, verificationMail } from "@/lib/mail/templates";
import { VERIFICATION_SECONDS } from "@/lib/access/people/accept-invitation";

// Better Auth's mail hooks, fed into our outbox: the request only writes a row (a moment), the
// sender delivers it after. Nothing here logs the address or the link.
//
// Two rules on top (issue #25):
// - per address, at most MAILS_PER_QUARTER_HOUR confirmation and reset mails in 15 minutes and
//   MAILS_PER_DAY a day, whoever asks from wherever (the per-client limit does not stop many
//   clients filling one mailbox); past it nothing is queued and the answer is the same;
// - a mailed link takes its origin from THREADLINE_PUBLIC_URL (mailLinkOrigin), never from the
//   request, even where Better Auth built it from the request's Host.

export const MAILS_PER_QUARTER_HOUR = 3;
export const MAILS_PER_DAY = 10;

type Tx = Prisma.TransactionClient;

/**
 * Queues `mail` inside `tx` unless its address already had its share. With `send` false (nobody
 * signs in with that address) it does the very same work, the insert included, and then takes the
 * row back (a savepoint): the database writes, checks and compresses the same row either way, so
 * the two cases take the same time. The address's lock keeps two concurrent requests from both
 * seeing room for one more.
 */
export async function queueCappedMail(tx: Tx, mail: OutgoingMail, send: boolean): Promise<void> {
  const to = mail.to.toLowerCase();
  await tx.$queryRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`mail-to:${to}`}, 0))::text`;
  await tx.$executeRaw`SAVEPOINT capped_mail`;
  await tx.$executeRaw`
    INSERT INTO "mail_outbox" ("id", "kind", "recipient", "subject", "text_body", "html_body")
    SELECT ${randomUUID()}, ${mail.kind}, ${to}, ${mail.subject}, ${mail.text}, ${mail.html}
    FROM (
      SELECT count(*) FILTER (WHERE "created_at" > now() - interval '15 minutes') AS quarter, count(*) AS day
      FROM "mail_outbox"
      WHERE "recipient" = ${to} AND "kind" IN ('verification', 'password_reset')
        AND "created_at" > now() - interval '1 day'
    ) AS recent
    WHERE recent.quarter < ${MAILS_PER_QUARTER_HOUR} AND recent.day < ${MAILS_PER_DAY}`;
  await (send ? tx.$executeRaw`RELEASE SAVEPOINT capped_mail` : tx.$executeRaw`ROLLBACK TO SAVEPOINT capped_mail`);
}

/** `url` (built by Better Auth from the request) with its origin replaced by the configured one. */
export function onPublicOrigin(url: string): string {
  const { pathname, search } = new URL(url);
  return `${mailLinkOrigin()}${pathname}${search}`;
}

async function queue(mail: OutgoingMail): Promise<void> {
  if (!mailConfigured()) {
    // Same answer as for an unknown address: the caller learns nothing.
    logger.warn("mail: not sent, SMTP_URL is not set", { kind: mail.kind });
    return;
  }
  const prisma = await getPrisma();
  await prisma.$transaction((tx) => queueCappedMail(tx, mail, true));
  kickMailSender();
}

export const passwordResetByMail = {
  // Requests are answered by lib/access/authentication/password-reset-request.ts (a before hook), which does the
  // same work for every address; this is Better Auth's own path, kept should it ever be reached.
  sendResetPassword: async ({ user, url }: { user: { email: string }; url: string }) =>
    queue(passwordResetMail({ to: user.email, url: onPublicOrigin(url) })),
  resetPasswordTokenExpiresIn: 60 * 60,
  // A new password ends every session: whoever knew the old one is out.
  revokeSessionsOnPasswordReset: true,
  // The reset link came by mail to this address, which proves it is the holder's.
  onPasswordReset: async ({ user }: { user: { id: string } }) => {
    await (await getPrisma()).user.update({ where: { id: user.id }, data: { emailVerified: true } });
  },
};

export const verificationByMail = {
  sendVerificationEmail: async ({ user, url }: { user: { email: string }; url: string }) =>
    queue(verificationMail({ to: user.email, url: onPublicOrigin(url) })),
  // An unconfirmed sign-in that tries to sign in gets a fresh link.
  sendOnSignIn: true,
  autoSignInAfterVerification: true,
  expiresIn: VERIFICATION_SECONDS,
};

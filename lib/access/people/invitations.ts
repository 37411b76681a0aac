import { accountDisplayName } from "@/lib/access/people/account-names";
import type { z } from "zod";
import { getPrisma } from "@/lib/db";
import { HttpError } from "@/lib/http/errors";
import { mailConfigured, mailLinkOrigin } from "@/lib/mail/config";
import { enqueueMail } from "@/lib/mail/outbox";
import { kickMailSender } from "@/lib/mail/sender";
import { invitationMail } from "@/lib/mail/templates";
import { hashSecretToken, newSecretToken } from "@/lib/access/credentials/secret-token";
import { mailStatusSchema } from "@/lib/vocabulary";
import type { invitationRequestSchema } from "@/lib/access/validations";

// An owner invites an email address to an account. The invitation link's token is the
// credential (kept hashed). With SMTP_URL the link goes only by mail to the address, so holding
// it shows the address is the holder's; without it the owner passes the link on themselves.

export const INVITATION_DAYS = 7;

export async function createInvitation(
  input: z.infer<typeof invitationRequestSchema> & { accountId: string; invitedBy: string | null },
  origin: string,
) {
  const prisma = await getPrisma();
  const token = newSecretToken();
  const expiresAt = new Date(Date.now() + INVITATION_DAYS * 24 * 60 * 60 * 1000);
  const mailed = mailConfigured();
  // A mailed link never takes its host from the request (a forged Host would get it); the link
  // an owner is shown to pass on points where they reached us.
  const link = new URL(`/invite/${token}`, mailed ? mailLinkOrigin() : origin).toString();
  const { accountId, email, role, invitedBy } = input;
  // The invitation and its mail commit together: a rolled-back invitation mails nobody.
  const invitation = await prisma.$transaction(async (tx) => {
    const created = await tx.invitation.create({
      data: { accountId, email, role, tokenHash: hashSecretToken(token), invitedBy, expiresAt },
    });
    if (mailed) {
      const account = await tx.account.findUniqueOrThrow({ where: { id: accountId } });
      const mail = invitationMail({
        to: email,
        account: accountDisplayName(account),
        role,
        url: link,
        days: INVITATION_DAYS,
      });
      await enqueueMail(tx, { ...mail, invitationId: created.id });
    }
    return created;
  });
  if (mailed) kickMailSender();
  // The owner sees the link only when nobody else can deliver it.
  return {
    id: invitation.id,
    email,
    role,
    expiresAt,
    delivery: mailed ? "mail" : "manual",
    link: mailed ? null : link,
  };
}

/** The invitation a token opens, or 404 (unknown, used or expired: the same answer). */
export async function openInvitation(token: string) {
  const prisma = await getPrisma();
  const invitation = await prisma.invitation.findUnique({ where: { tokenHash: hashSecretToken(token) } });
  if (!invitation || invitation.acceptedAt || invitation.expiresAt.getTime() < Date.now()) {
    throw new HttpError(404, "this invitation does not exist, was used already or has expired");
  }
  return invitation;
}

/** What the invitation page shows before anyone accepts. */
export async function describeInvitation(token: string) {
  const invitation = await openInvitation(token);
  const prisma = await getPrisma();
  const account = await prisma.account.findUniqueOrThrow({ where: { id: invitation.accountId } });
  const existing = await prisma.user.findUnique({ where: { email: invitation.email }, select: { id: true } });
  return {
    email: invitation.email,
    role: invitation.role,
    account: accountDisplayName(account),
    hasSignIn: existing !== null,
  };
}

/** Open and recent invitations of an account with how their mail is doing, for its owners. */
export async function listInvitations(accountId: string) {
  const prisma = await getPrisma();
  const rows = await prisma.invitation.findMany({
    where: { accountId },
    orderBy: { createdAt: "desc" },
    take: 20,
    include: { mails: { orderBy: { createdAt: "desc" }, take: 1 } },
  });
  return rows.map(({ id, email, role, expiresAt, acceptedAt, createdAt, mails: [mail] }) => ({
    id,
    email,
    role,
    createdAt,
    expiresAt,
    acceptedAt,
    mail: mail
      ? {
          status: mailStatusSchema.parse(mail.status),
          attempts: mail.attempts,
          lastError: mail.lastError,
          sentAt: mail.sentAt,
          nextAttemptAt: mail.status === "pending" ? mail.availableAt : null,
        }
      : null,
  }));
}

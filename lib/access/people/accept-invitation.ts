import { hashPassword } from "better-auth/crypto";
import { createEmailVerificationToken } from "better-auth/api";
import { z } from "zod";
import { getPrisma } from "@/lib/db";
import { isUniqueViolation } from "@/lib/db/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { HttpError } from "@/lib/http/errors";
import { mailConfigured, mailLinkOrigin } from "@/lib/mail/config";
import { enqueueMail } from "@/lib/mail/outbox";
import { kickMailSender } from "@/lib/mail/sender";
import { verificationMail } from "@/lib/mail/templates";
import { membershipRoleSchema } from "@/lib/vocabulary";
import { authSecret } from "@/lib/access/credentials/auth-secret";
import { openInvitation } from "@/lib/access/people/invitations";
import { grantMembership } from "@/lib/access/people/memberships";
import { insertUser } from "@/lib/access/people/users";

// Accepting an invitation. The rules that keep an address its owner's (issue #11):
// - an address that already has a sign-in joins only while signed in as it, and only once that
//   sign-in's address is confirmed: an unconfirmed sign-in never gains a second account;
// - otherwise the link creates the sign-in, unconfirmed. With SMTP_URL a confirmation mail goes
//   out in the same transaction and the sign-in cannot sign in before it is confirmed; without
//   it (the demo) the owner who delivered the link vouches for the address, for this account only.
// - one invitation is accepted once: the first to mark it accepted wins, every rival gets 409.

export const VERIFICATION_SECONDS = 24 * 60 * 60;

export const acceptInvitationSchema = z.object({
  token: z.string().min(20).max(200),
  name: z.string().trim().min(1).max(100).optional(),
  password: z.string().min(10, "password must be at least 10 characters").max(256).optional(),
});

type Tx = Prisma.TransactionClient;

/** Marks the invitation used inside the transaction; a rival accept already did: 409. */
async function claimInvitation(tx: Tx, invitationId: string): Promise<void> {
  const now = new Date();
  const { count } = await tx.invitation.updateMany({
    where: { id: invitationId, acceptedAt: null, expiresAt: { gt: now } },
    data: { acceptedAt: now },
  });
  if (count !== 1) throw new HttpError(409, "this invitation was accepted a moment ago");
}

const conflictOnRace = (error: unknown): never => {
  if (isUniqueViolation(error)) throw new HttpError(409, "this address got a sign-in a moment ago: sign in as it");
  throw error;
};

async function joinAsSignedInUser(
  invitation: Awaited<ReturnType<typeof openInvitation>>,
  signedInUserId: string | null,
) {
  const prisma = await getPrisma();
  const user = await prisma.user.findUniqueOrThrow({ where: { email: invitation.email } });
  if (user.id !== signedInUserId) {
    throw new HttpError(
      409,
      `${invitation.email} already has a Threadline sign-in: sign in as it, then open the link again`,
    );
  }
  if (!user.emailVerified) {
    throw new HttpError(
      403,
      "this sign-in's email address is not confirmed, so it cannot join another account; an administrator can confirm it",
    );
  }
  await prisma.$transaction(async (tx) => {
    await claimInvitation(tx, invitation.id);
    await grantMembership(user.id, invitation.accountId, membershipRoleSchema.parse(invitation.role), tx);
  });
  return { email: invitation.email, created: false, confirmBy: null };
}

export async function acceptInvitation(input: z.infer<typeof acceptInvitationSchema>, signedInUserId: string | null) {
  const invitation = await openInvitation(input.token);
  const prisma = await getPrisma();
  if (await prisma.user.findUnique({ where: { email: invitation.email }, select: { id: true } })) {
    return joinAsSignedInUser(invitation, signedInUserId);
  }
  if (!input.name || !input.password) throw new HttpError(400, "name and password are required to join");
  // The slow hash before the transaction, so row locks are held for milliseconds.
  const passwordHash = await hashPassword(input.password);
  const mailed = mailConfigured();
  const { email } = invitation;
  await prisma
    .$transaction(async (tx) => {
      await claimInvitation(tx, invitation.id);
      const user = await insertUser(tx, {
        email,
        name: input.name!,
        isAdmin: false,
        passwordHash,
        emailVerified: false,
      });
      await grantMembership(user.id, invitation.accountId, membershipRoleSchema.parse(invitation.role), tx);
      if (mailed) {
        const token = await createEmailVerificationToken(authSecret(), email, undefined, VERIFICATION_SECONDS, {
          userId: user.id,
        });
        const url = `${mailLinkOrigin()}/api/auth/verify-email?token=${token}&callbackURL=${encodeURIComponent("/")}`;
        await enqueueMail(tx, verificationMail({ to: email, url }));
      }
    })
    .catch(conflictOnRace);
  if (mailed) kickMailSender();
  return { email, created: true, confirmBy: mailed ? ("mail" as const) : null };
}

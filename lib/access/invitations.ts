import { z } from "zod";
import { getPrisma } from "@/lib/db";
import { HttpError } from "@/lib/http/errors";
import { grantMembership } from "@/lib/access/memberships";
import { membershipRoleSchema, type MembershipRole } from "@/lib/vocabulary";
import { hashSecretToken, newSecretToken } from "@/lib/access/secret-token";
import { createUserWithPassword, findUserByEmail } from "@/lib/access/users";

// An owner invites an email address to an account. The invitation link's token is the
// credential (kept hashed); opening it lets that address set a password and join, once.

export const INVITATION_DAYS = 7;

export const invitationRequestSchema = z.object({
  email: z.email().transform((email) => email.toLowerCase()),
  role: z.enum(["owner", "member"]).default("member"),
});

export const acceptInvitationSchema = z.object({
  token: z.string().min(20).max(200),
  name: z.string().trim().min(1).max(100),
  password: z.string().min(10, "password must be at least 10 characters").max(256),
});

export async function createInvitation(
  accountId: string,
  email: string,
  role: MembershipRole,
  invitedBy: string | null,
) {
  const prisma = await getPrisma();
  const token = newSecretToken();
  const expiresAt = new Date(Date.now() + INVITATION_DAYS * 24 * 60 * 60 * 1000);
  await prisma.invitation.create({
    data: { accountId, email, role, tokenHash: hashSecretToken(token), invitedBy, expiresAt },
  });
  return { token, email, role, expiresAt };
}

async function openInvitation(token: string) {
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
  return { email: invitation.email, role: invitation.role, account: account.name ?? account.externalId };
}

/** A new address becomes a user with the chosen password; an existing user just gains the account. */
export async function acceptInvitation(input: z.infer<typeof acceptInvitationSchema>, signedInUserId: string | null) {
  const invitation = await openInvitation(input.token);
  const existing = await findUserByEmail(invitation.email);
  if (existing && existing.id !== signedInUserId) {
    throw new HttpError(
      409,
      `${invitation.email} already has a Threadline sign-in: sign in as them, then open the link again`,
    );
  }
  const userId =
    existing?.id ??
    (await createUserWithPassword({ email: invitation.email, name: input.name, password: input.password })).id;
  await grantMembership(userId, invitation.accountId, membershipRoleSchema.parse(invitation.role));
  const prisma = await getPrisma();
  await prisma.invitation.update({ where: { id: invitation.id }, data: { acceptedAt: new Date() } });
  return { email: invitation.email };
}

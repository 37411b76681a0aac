import { getPrisma } from "@/lib/db";
import { logger } from "@/lib/logger";
import { mailConfigured } from "@/lib/mail/config";
import { enqueueMail } from "@/lib/mail/outbox";
import { kickMailSender } from "@/lib/mail/sender";
import { passwordResetMail, verificationMail } from "@/lib/mail/templates";
import { VERIFICATION_SECONDS } from "./accept-invitation";

// Better Auth's mail hooks, fed into our outbox: the request only writes a row (a moment), the
// sender delivers it after. Nothing here logs the address or the link.

async function queue(mail: Parameters<typeof enqueueMail>[1]): Promise<void> {
  if (!mailConfigured()) {
    // Same answer as for an unknown address: the caller learns nothing.
    logger.warn("mail: not sent, SMTP_URL is not set", { kind: mail.kind });
    return;
  }
  await enqueueMail(await getPrisma(), mail);
  kickMailSender();
}

export const passwordResetByMail = {
  sendResetPassword: async ({ user, url }: { user: { email: string }; url: string }) =>
    queue(passwordResetMail({ to: user.email, url })),
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
    queue(verificationMail({ to: user.email, url })),
  // An unconfirmed sign-in that tries to sign in gets a fresh link.
  sendOnSignIn: true,
  autoSignInAfterVerification: true,
  expiresIn: VERIFICATION_SECONDS,
};

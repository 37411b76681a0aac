import type { Metadata } from "next";
import { headers } from "next/headers";
import { AcceptInvitationForm } from "@/components/auth/accept-invitation-form";
import { AuthPage } from "@/components/auth/auth-page";
import { buttonVariants } from "@/components/ui/button";
import { HttpError } from "@/lib/http/errors";
import { describeInvitation } from "@/lib/access/people/invitations";
import { sessionViewer } from "@/lib/access/viewer";

export const metadata: Metadata = { title: "Join · Threadline" };
export const dynamic = "force-dynamic";

export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const invitation = await describeInvitation(token).catch((error: unknown) => {
    if (error instanceof HttpError) return null;
    throw error;
  });
  if (!invitation) {
    return (
      <AuthPage title="Invitation">
        <p role="alert" className="text-sm">
          This invitation does not exist, was used already or has expired. Ask the account&apos;s owner for a new link.
        </p>
      </AuthPage>
    );
  }
  const viewer = await sessionViewer(await headers());
  const signedInAsInvitee = viewer?.email.toLowerCase() === invitation.email;
  const invited = (
    <>
      You were invited as <strong>{invitation.email}</strong> ({invitation.role}).
    </>
  );
  // An address that already signs in joins as itself: it signs in first, then comes back here.
  if (invitation.hasSignIn && !signedInAsInvitee) {
    return (
      <AuthPage title={`Join ${invitation.account}`} intro={invited}>
        <p className="mb-3 text-sm">This address already has a Threadline sign-in. Sign in as it to accept.</p>
        <a href={`/sign-in?next=${encodeURIComponent(`/invite/${token}`)}`} className={buttonVariants({ size: "lg" })}>
          Sign in to accept
        </a>
      </AuthPage>
    );
  }
  return (
    <AuthPage
      title={`Join ${invitation.account}`}
      intro={
        <>
          {invited} {signedInAsInvitee ? "You are signed in as this address." : "Choose your name and a password."}
        </>
      }
    >
      <AcceptInvitationForm token={token} email={invitation.email} mode={signedInAsInvitee ? "join" : "create"} />
    </AuthPage>
  );
}

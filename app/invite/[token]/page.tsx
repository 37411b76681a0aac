import type { Metadata } from "next";
import { AcceptInvitationForm } from "@/components/auth/accept-invitation-form";
import { Panel } from "@/components/ui/panel";
import { HttpError } from "@/lib/http/errors";
import { describeInvitation } from "@/lib/access/invitations";

export const metadata: Metadata = { title: "Join · Threadline" };
export const dynamic = "force-dynamic";

export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const invitation = await describeInvitation(token).catch((error: unknown) => {
    if (error instanceof HttpError) return null;
    throw error;
  });
  return (
    <main className="flex min-h-dvh items-center justify-center bg-surface-sunken p-4">
      <Panel padding="lg" className="w-full max-w-sm shadow-sm">
        {invitation ? (
          <>
            <h1 className="mb-1 text-lg font-semibold">Join {invitation.account}</h1>
            <p className="mb-4 text-sm text-text-muted">
              You were invited as <strong>{invitation.email}</strong> ({invitation.role}). Choose your name and a
              password.
            </p>
            <AcceptInvitationForm token={token} email={invitation.email} />
          </>
        ) : (
          <p role="alert" className="text-sm">
            This invitation does not exist, was used already or has expired. Ask the account&apos;s owner for a new
            link.
          </p>
        )}
      </Panel>
    </main>
  );
}

import { publicOrigin } from "@/lib/access/authentication/request-origin";
import { createInvitation, listInvitations } from "@/lib/access/people/invitations";
import { answer, contractRoute } from "@/lib/contracts/contract-route";
import { invitationsRoute, inviteRoute } from "@/lib/contracts/settings";
import { mailConfigured } from "@/lib/mail/config";

export const runtime = "nodejs";

/** The account's recent invitations and how their mail is doing (owners). */
export const GET = contractRoute(invitationsRoute, async ({ params: { id } }) => {
  return { mail: mailConfigured(), invitations: await listInvitations(id) };
});

/** Mails the invitation (SMTP_URL), or answers the link for the owner to pass on when nothing can mail it. */
export const POST = contractRoute(inviteRoute, async ({ params: { id }, body: input, request }, owner) => {
  const invitation = await createInvitation(
    { ...input, accountId: id, invitedBy: owner.userId },
    publicOrigin(request),
  );
  return answer(invitation, { status: 201 });
});

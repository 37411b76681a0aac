import { readJson } from "@/lib/http/read-body";
import { accountOwnerRoute } from "@/lib/access/account-owner-route";
import { publicOrigin } from "@/lib/access/request-origin";
import { createInvitation, invitationRequestSchema, listInvitations } from "@/lib/access/invitations";
import { mailConfigured } from "@/lib/mail/config";

export const runtime = "nodejs";

/** The account's recent invitations and how their mail is doing (owners). */
export const GET = accountOwnerRoute(async (_request: Request, { accountId: id }) => {
  return Response.json({ mail: mailConfigured(), invitations: await listInvitations(id) });
});

/** Mails the invitation (SMTP_URL), or answers the link for the owner to pass on when nothing can mail it. */
export const POST = accountOwnerRoute(async (request: Request, { accountId: id, owner }) => {
  const input = await readJson(request, invitationRequestSchema);
  const invitation = await createInvitation(
    { ...input, accountId: id, invitedBy: owner.userId },
    publicOrigin(request),
  );
  return Response.json(invitation, { status: 201 });
});

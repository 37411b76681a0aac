import { readJson } from "@/lib/http/read-body";
import { authedRoute } from "@/lib/access/authed-route";
import { requireAccountOwner } from "@/lib/access/require-owner";
import { publicOrigin } from "@/lib/access/request-origin";
import { createInvitation, invitationRequestSchema, listInvitations } from "@/lib/access/invitations";
import { mailConfigured } from "@/lib/mail/config";

export const runtime = "nodejs";

type Context = { params: Promise<{ id: string }> };

/** The account's recent invitations and how their mail is doing (owners). */
export const GET = authedRoute(async (_request: Request, { params }: Context, viewer) => {
  const { id } = await params;
  await requireAccountOwner(viewer, id);
  return Response.json({ mail: mailConfigured(), invitations: await listInvitations(id) });
});

/** Mails the invitation (SMTP_URL), or answers the link for the owner to pass on when nothing can mail it. */
export const POST = authedRoute(async (request: Request, { params }: Context, viewer) => {
  const { id } = await params;
  const owner = await requireAccountOwner(viewer, id);
  const input = await readJson(request, invitationRequestSchema);
  const invitation = await createInvitation(
    { ...input, accountId: id, invitedBy: owner.userId },
    publicOrigin(request),
  );
  return Response.json(invitation, { status: 201 });
});

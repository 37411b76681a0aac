import { readJson } from "@/lib/http/read-body";
import { authedRoute } from "@/lib/access/authed-route";
import { requireAccountOwner } from "@/lib/access/require-owner";
import { requestOrigin } from "@/lib/access/request-origin";
import { createInvitation, invitationRequestSchema } from "@/lib/access/invitations";

export const runtime = "nodejs";

/** Answers the invitation link for the owner to pass on (Threadline sends no email). */
export const POST = authedRoute(async (request: Request, { params }: { params: Promise<{ id: string }> }, viewer) => {
  const { id } = await params;
  const owner = await requireAccountOwner(viewer, id);
  const { email, role } = await readJson(request, invitationRequestSchema);
  const invitation = await createInvitation(id, email, role, owner.userId);
  const link = new URL(
    `/invite/${invitation.token}`,
    process.env.THREADLINE_PUBLIC_URL?.trim() || requestOrigin(request),
  ).toString();
  return Response.json({ email, role, expiresAt: invitation.expiresAt, link }, { status: 201 });
});

import { readJson } from "@/lib/http/read-body";
import { assertSameOrigin } from "@/lib/access/authentication/csrf";
import { sessionViewer } from "@/lib/access/viewer";
import { routeHandler } from "@/lib/http/route-handler";
import { acceptInvitation, acceptInvitationSchema } from "@/lib/access/people/accept-invitation";

export const runtime = "nodejs";

// No session needed to create a sign-in: the invitation token is the credential. An address that
// already signs in joins only with its session. Same-origin still applies.
export const POST = routeHandler(async (request: Request) => {
  assertSameOrigin(request);
  const input = await readJson(request, acceptInvitationSchema);
  const viewer = await sessionViewer(request.headers);
  return Response.json(await acceptInvitation(input, viewer?.userId ?? null));
});

import { authedRoute } from "@/lib/access/authed-route";
import { deleteDraft, readDraft, saveDraft } from "@/lib/replies/drafts";
import { draftInputSchema } from "@/lib/replies/draft-validations";
import { readJson } from "@/lib/http/read-body";

export const runtime = "nodejs";

type Context = { params: Promise<{ id: string }> };

// The signed-in person's own reply draft in this conversation (no one else's, ever).
export const GET = authedRoute(async (_request: Request, { params }: Context, viewer) => {
  const { id } = await params;
  return Response.json({ draft: await readDraft(viewer, id) });
});

// Stores it as typed; an empty draft is removed (answers `{ draft: null }`).
export const PUT = authedRoute(async (request: Request, { params }: Context, viewer) => {
  const { id } = await params;
  const input = await readJson(request, draftInputSchema);
  return Response.json({ draft: await saveDraft(viewer, id, input) });
});

export const DELETE = authedRoute(async (_request: Request, { params }: Context, viewer) => {
  const { id } = await params;
  await deleteDraft(viewer, id);
  return new Response(null, { status: 204 });
});

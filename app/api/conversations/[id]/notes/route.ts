import { authedRoute } from "@/lib/access/authed-route";
import { readJson } from "@/lib/http/read-body";
import { actorOf } from "@/lib/team/actor";
import { addNote } from "@/lib/team/notes";
import { noteInputSchema } from "@/lib/team/validations";

export const runtime = "nodejs";

type Context = { params: Promise<{ id: string }> };

// An internal note ({ text, mentions }): stored here only, never sent to the customer.
export const POST = authedRoute(async (request: Request, { params }: Context, viewer) => {
  const { id } = await params;
  const input = await readJson(request, noteInputSchema);
  return Response.json({ note: await addNote(id, viewer.scope, actorOf(viewer), input) }, { status: 201 });
});

import { getPrisma } from "@/lib/db";
import { contractRoute, answer } from "@/lib/contracts/contract-route";
import { addNoteRoute } from "@/lib/contracts/team";
import { actorOf } from "@/lib/team/actor";
import { addNote } from "@/lib/team/notes";

export const runtime = "nodejs";

// An internal note ({ text, mentions }): stored here only, never sent to the customer.
export const POST = contractRoute(addNoteRoute, async ({ params: { id }, body: input }, viewer) => {
  return answer({ note: await addNote(await getPrisma(), id, viewer.scope, actorOf(viewer), input) }, { status: 201 });
});

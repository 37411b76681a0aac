import { getPrisma } from "@/lib/db";
import { contractRoute } from "@/lib/contracts/contract-route";
import { deleteDraftRoute, draftRoute, saveDraftRoute } from "@/lib/contracts/replies";
import { deleteDraft, readDraft, saveDraft } from "@/lib/replies/drafts";

export const runtime = "nodejs";

// The signed-in person's own reply draft in this conversation (no one else's, ever).
export const GET = contractRoute(draftRoute, async ({ params: { id } }, viewer) => {
  return { draft: await readDraft(await getPrisma(), viewer, id) };
});

// Stores it as typed; an empty draft is removed (answers `{ draft: null }`).
export const PUT = contractRoute(saveDraftRoute, async ({ params: { id }, body: input }, viewer) => {
  return { draft: await saveDraft(await getPrisma(), viewer, id, input) };
});

export const DELETE = contractRoute(deleteDraftRoute, async ({ params: { id } }, viewer) => {
  await deleteDraft(await getPrisma(), viewer, id);
  return null;
});

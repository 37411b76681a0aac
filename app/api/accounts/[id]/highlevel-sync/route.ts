import { accountOwnerRoute } from "@/lib/access/account-owner-route";
import { readJson } from "@/lib/http/read-body";
import { highLevelSyncView, setAssignmentSync } from "@/lib/team/highlevel-sync/settings";
import { assignmentSyncToggleSchema } from "@/lib/team/highlevel-sync/validations";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

// An account's assignment sync with HighLevel (owners): the switch, the users and who is linked.
export const GET = accountOwnerRoute(async (_request: Request, { accountId: id }) => {
  return Response.json(await highLevelSyncView(id));
});

/** `{ enabled }`: turns the sync on or off, both ways. */
export const PATCH = accountOwnerRoute(async (request: Request, { accountId: id }) => {
  const { enabled } = await readJson(request, assignmentSyncToggleSchema);
  await setAssignmentSync(id, enabled);
  return Response.json(await highLevelSyncView(id));
});

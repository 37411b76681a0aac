import { getPrisma } from "@/lib/db";
import { contractRoute } from "@/lib/contracts/contract-route";
import { highLevelSyncRoute, toggleHighLevelSyncRoute } from "@/lib/contracts/settings";
import { highLevelSyncView, setAssignmentSync } from "@/lib/team/highlevel-sync/settings";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

// An account's assignment sync with HighLevel (owners): the switch, the users and who is linked.
export const GET = contractRoute(highLevelSyncRoute, async ({ params: { id } }) => {
  return highLevelSyncView(await getPrisma(), id);
});

/** `{ enabled }`: turns the sync on or off, both ways. */
export const PATCH = contractRoute(toggleHighLevelSyncRoute, async ({ params: { id }, body: { enabled } }) => {
  await setAssignmentSync(await getPrisma(), id, enabled);
  return highLevelSyncView(await getPrisma(), id);
});

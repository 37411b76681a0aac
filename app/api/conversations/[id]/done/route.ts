import { contractRoute } from "@/lib/contracts/contract-route";
import { markDoneRoute, reopenRoute } from "@/lib/contracts/conversations";
import { getPrisma } from "@/lib/db";
import { NotFoundError } from "@/lib/http/errors";
import { actorOf } from "@/lib/team/actor";
import { markDone, reopen } from "@/lib/triage/done";

export const runtime = "nodejs";

// Done for the whole account: POST marks it, DELETE reopens it.
export const POST = contractRoute(markDoneRoute, async ({ params: { id } }, viewer) => {
  if (!(await markDone(await getPrisma(), viewer.scope, id, actorOf(viewer)))) throw new NotFoundError("conversation");
  return { id, done: true };
});

export const DELETE = contractRoute(reopenRoute, async ({ params: { id } }, viewer) => {
  if (!(await reopen(await getPrisma(), viewer.scope, id, actorOf(viewer)))) throw new NotFoundError("conversation");
  return { id, done: false };
});

import { contractRoute } from "@/lib/contracts/contract-route";
import { markDoneRoute, reopenRoute } from "@/lib/contracts/conversations";
import { NotFoundError } from "@/lib/http/errors";
import { actorOf } from "@/lib/team/actor";
import { markDone, reopen } from "@/lib/triage/done";

export const runtime = "nodejs";

// Done for the whole account: POST marks it, DELETE reopens it.
export const POST = contractRoute(markDoneRoute, async ({ params: { id } }, viewer) => {
  if (!(await markDone(id, viewer.scope, actorOf(viewer)))) throw new NotFoundError("conversation");
  return { id, done: true };
});

export const DELETE = contractRoute(reopenRoute, async ({ params: { id } }, viewer) => {
  if (!(await reopen(id, viewer.scope, actorOf(viewer)))) throw new NotFoundError("conversation");
  return { id, done: false };
});

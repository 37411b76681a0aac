import { authedRoute } from "@/lib/access/authed-route";
import { HttpError } from "@/lib/http/errors";
import { readJson } from "@/lib/http/read-body";
import { actorOf } from "@/lib/team/actor";
import { snoozeConversation, unsnoozeConversation } from "@/lib/team/snooze";
import { SNOOZE_MAX_DAYS, snoozeInputSchema } from "@/lib/team/validations";

export const runtime = "nodejs";

type Context = { params: Promise<{ id: string }> };

const DAY_MS = 24 * 60 * 60 * 1000;

// PUT { until } snoozes until then (in the future, within a year); DELETE wakes it now.
export const PUT = authedRoute(async (request: Request, { params }: Context, viewer) => {
  const { id } = await params;
  const { until } = await readJson(request, snoozeInputSchema);
  const now = Date.now();
  if (until.getTime() <= now) throw new HttpError(400, "until must be in the future");
  if (until.getTime() > now + SNOOZE_MAX_DAYS * DAY_MS)
    throw new HttpError(400, `until must be within ${SNOOZE_MAX_DAYS} days`);
  return Response.json(await snoozeConversation(id, viewer.scope, actorOf(viewer), until));
});

export const DELETE = authedRoute(async (_request: Request, { params }: Context, viewer) => {
  const { id } = await params;
  return Response.json(await unsnoozeConversation(id, viewer.scope, actorOf(viewer)));
});

import { getPrisma } from "@/lib/db";
import { contractRoute } from "@/lib/contracts/contract-route";
import { snoozeRoute, unsnoozeRoute } from "@/lib/contracts/team";
import { HttpError } from "@/lib/http/errors";
import { actorOf } from "@/lib/team/actor";
import { snoozeConversation, unsnoozeConversation } from "@/lib/team/snooze";
import { SNOOZE_MAX_DAYS } from "@/lib/team/validations";

export const runtime = "nodejs";

const DAY_MS = 24 * 60 * 60 * 1000;

// PUT { until } snoozes until then (in the future, within a year); DELETE wakes it now.
export const PUT = contractRoute(snoozeRoute, async ({ params: { id }, body: { until } }, viewer) => {
  const now = Date.now();
  if (until.getTime() <= now) throw new HttpError(400, "until must be in the future");
  if (until.getTime() > now + SNOOZE_MAX_DAYS * DAY_MS)
    throw new HttpError(400, `until must be within ${SNOOZE_MAX_DAYS} days`);
  return snoozeConversation(await getPrisma(), id, viewer.scope, actorOf(viewer), until);
});

export const DELETE = contractRoute(unsnoozeRoute, async ({ params: { id } }, viewer) => {
  return unsnoozeConversation(await getPrisma(), id, viewer.scope, actorOf(viewer));
});

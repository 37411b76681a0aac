import { PUT as linkRoute } from "@/app/api/accounts/[id]/highlevel-sync/links/route";
import { GET as viewRoute, PATCH as toggleRoute } from "@/app/api/accounts/[id]/highlevel-sync/route";
import { POST as usersRoute } from "@/app/api/accounts/[id]/highlevel-sync/users/route";
import { setHighLevelToken } from "@/lib/access/credentials/highlevel-token";
import { grantMembership } from "@/lib/access/people/memberships";
import { drainJobs } from "@/lib/jobs/runner";
import type { HighLevelSyncView } from "@/lib/team/highlevel-sync/settings";
import { JOB_DEFINITIONS } from "@/lib/worker/job-definitions";
import type { HighLevelApiStub } from "./highlevel-api";
import { TEST_LOCATION } from "./highlevel-payloads";
import type { Credentials } from "./read-api";
import { callRoute } from "./route-call";
import { anaAndBenOnOneConversation } from "./team";

// The assignment sync's Settings routes (owners): the view, the switch, links, users fetch.

const path = (accountId: string, rest = "") => `/api/accounts/${accountId}/highlevel-sync${rest}`;
type Answer = HighLevelSyncView & { error?: string };

export const syncView = (accountId: string, as: Credentials) =>
  callRoute<Answer>(viewRoute, { method: "GET", url: path(accountId), id: accountId, headers: as });

export const setAssignmentSync = (accountId: string, enabled: boolean, as: Credentials) =>
  callRoute<Answer>(toggleRoute, {
    method: "PATCH",
    url: path(accountId),
    id: accountId,
    headers: as,
    body: { enabled },
  });

export const linkHighLevelUser = (accountId: string, userId: string, highLevelUserId: string | null, as: Credentials) =>
  callRoute<Answer>(linkRoute, {
    method: "PUT",
    url: path(accountId, "/links"),
    id: accountId,
    headers: as,
    body: { userId, highLevelUserId },
  });

export const refetchHighLevelUsers = (accountId: string, as: Credentials) =>
  callRoute<Answer>(usersRoute, { method: "POST", url: path(accountId, "/users"), id: accountId, headers: as });

/** The token the fixture stores: what every request to the stand-in must carry. */
export const SYNC_TOKEN = "pit-sync-token-0001";

/**
 * Ana (an owner) and Ben on one conversation of contact-1, the account's token stored, HighLevel's
 * users fetched through the owners' route (Ana and Ben match by email; Carla is no one here), and
 * the sync turned on.
 */
export async function teamSyncedWithHighLevel(stub: HighLevelApiStub) {
  const team = await anaAndBenOnOneConversation();
  await grantMembership(team.ana.id, team.accountId, "owner");
  await setHighLevelToken(team.accountId, SYNC_TOKEN);
  stub.contacts.users.set(TEST_LOCATION, [
    { id: "hl-ana", name: "Ana Ruiz", email: team.ana.email.toUpperCase() },
    { id: "hl-ben", firstName: "Ben", lastName: "Ode", email: team.ben.email },
    { id: "hl-carla", firstName: "Carla", lastName: "Diaz", email: "carla@clinic.test" },
  ]);
  const fetched = await refetchHighLevelUsers(team.accountId, team.ana.headers);
  if (fetched.status !== 202) throw new Error(`users fetch: ${fetched.status}`);
  await drainJobs(JOB_DEFINITIONS);
  const on = await setAssignmentSync(team.accountId, true, team.ana.headers);
  if (on.status !== 200) throw new Error(`sync on: ${on.status}`);
  stub.seen.length = 0;
  return team;
}

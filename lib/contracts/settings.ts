import { z } from "zod";
import type { IssuedApiToken, listApiTokens } from "@/lib/access/api-tokens/api-tokens";
import type { HighLevelTokenStatus } from "@/lib/access/credentials/highlevel-token";
import type { createInvitation, listInvitations } from "@/lib/access/people/invitations";
import {
  accountRenameSchema,
  apiTokenRequestSchema,
  highLevelTokenSchema,
  invitationRequestSchema,
} from "@/lib/access/validations";
import { type ProfileView, profileInputSchema } from "@/lib/profile/validations";
import type { HighLevelSyncView } from "@/lib/team/highlevel-sync/settings";
import { assignmentSyncToggleSchema, userLinkSchema } from "@/lib/team/highlevel-sync/validations";
import type { LabelView } from "@/lib/team/labels";
import { labelInputSchema, labelPatchSchema } from "@/lib/team/validations";
import type { TriageSettings } from "@/lib/triage/triage-settings";
import { triageSettingsSchema } from "@/lib/triage/validations";
import { idParams } from "./conversations";
import { defineRoute, responds } from "./define-route";

// Settings: an account's, for its owners (name, API tokens, invitations, labels, triage rules,
// the HighLevel token and assignment sync), and the signed-in person's own profile.

const accountRoute = <const Path extends string>(path: Path) => ({ path, params: idParams, role: "owner" }) as const;

/** An owner names the account (shown on rows when a viewer sees more than one account). */
export const renameAccountRoute = defineRoute({
  ...accountRoute("/api/accounts/:id"),
  method: "PATCH",
  body: accountRenameSchema,
  response: responds<{ id: string; name: string }>(),
});

export const apiTokensRoute = defineRoute({
  ...accountRoute("/api/accounts/:id/tokens"),
  method: "GET",
  response: responds<{ tokens: Awaited<ReturnType<typeof listApiTokens>> }>(),
});

/** The token is in this answer and nowhere else, ever. */
export const issueApiTokenRoute = defineRoute({
  ...accountRoute("/api/accounts/:id/tokens"),
  method: "POST",
  body: apiTokenRequestSchema,
  response: responds<IssuedApiToken>(),
});

/** Revoking takes effect on the token's next request. */
export const revokeApiTokenRoute = defineRoute({
  method: "DELETE",
  path: "/api/accounts/:id/tokens/:tokenId",
  params: z.object({ id: z.string(), tokenId: z.string() }),
  role: "owner",
  response: responds<{ id: string; revoked: true }>(),
});

/** The account's recent invitations and how their mail is doing. */
export const invitationsRoute = defineRoute({
  ...accountRoute("/api/accounts/:id/invitations"),
  method: "GET",
  response: responds<{ mail: boolean; invitations: Awaited<ReturnType<typeof listInvitations>> }>(),
});

/** Mails the invitation, or answers the link for the owner to pass on when nothing can mail it. */
export const inviteRoute = defineRoute({
  ...accountRoute("/api/accounts/:id/invitations"),
  method: "POST",
  body: invitationRequestSchema,
  response: responds<Awaited<ReturnType<typeof createInvitation>>>(),
});

/** The account's labels: anyone in the account reads them (to apply and filter). */
export const accountLabelsRoute = defineRoute({
  method: "GET",
  path: "/api/accounts/:id/labels",
  params: idParams,
  role: "member",
  response: responds<{ labels: LabelView[] }>(),
});

export const createLabelRoute = defineRoute({
  ...accountRoute("/api/accounts/:id/labels"),
  method: "POST",
  body: labelInputSchema,
  response: responds<{ label: LabelView }>(),
});

const accountLabelParams = z.object({ id: z.string(), labelId: z.string() });

/** Renames or recolours a label. */
export const updateLabelRoute = defineRoute({
  method: "PATCH",
  path: "/api/accounts/:id/labels/:labelId",
  params: accountLabelParams,
  body: labelPatchSchema,
  role: "owner",
  response: responds<{ label: LabelView }>(),
});

/** Deletes a label (from every conversation). */
export const deleteLabelRoute = defineRoute({
  method: "DELETE",
  path: "/api/accounts/:id/labels/:labelId",
  params: accountLabelParams,
  role: "owner",
  response: responds<null>(),
});

/** The account's closing phrases and callback SLA (docs/triage-rules.md). */
export const triageSettingsRoute = defineRoute({
  ...accountRoute("/api/accounts/:id/triage-settings"),
  method: "GET",
  response: responds<TriageSettings>(),
});

/** They apply to what arrives afterwards. */
export const changeTriageSettingsRoute = defineRoute({
  ...accountRoute("/api/accounts/:id/triage-settings"),
  method: "PUT",
  body: triageSettingsSchema,
  response: responds<TriageSettings>(),
});

/** Whether a HighLevel token is set and how its last use went; never the token. */
export const highLevelTokenRoute = defineRoute({
  ...accountRoute("/api/accounts/:id/highlevel-token"),
  method: "GET",
  response: responds<HighLevelTokenStatus>(),
});

export const setHighLevelTokenRoute = defineRoute({
  ...accountRoute("/api/accounts/:id/highlevel-token"),
  method: "PUT",
  body: highLevelTokenSchema,
  response: responds<HighLevelTokenStatus>(),
});

export const clearHighLevelTokenRoute = defineRoute({
  ...accountRoute("/api/accounts/:id/highlevel-token"),
  method: "DELETE",
  response: responds<HighLevelTokenStatus>(),
});

/** Assignment sync with HighLevel: the switch, the users and who is linked. */
export const highLevelSyncRoute = defineRoute({
  ...accountRoute("/api/accounts/:id/highlevel-sync"),
  method: "GET",
  response: responds<HighLevelSyncView>(),
});

/** Turns the sync on or off, both ways. */
export const toggleHighLevelSyncRoute = defineRoute({
  ...accountRoute("/api/accounts/:id/highlevel-sync"),
  method: "PATCH",
  body: assignmentSyncToggleSchema,
  response: responds<HighLevelSyncView>(),
});

/** Links a member to a HighLevel user, or to none. */
export const linkHighLevelUserRoute = defineRoute({
  ...accountRoute("/api/accounts/:id/highlevel-sync/links"),
  method: "PUT",
  body: userLinkSchema,
  response: responds<HighLevelSyncView>(),
});

/** Fetches the location's users from HighLevel again (queued; the answer is the view as it is now). */
export const refetchHighLevelUsersRoute = defineRoute({
  ...accountRoute("/api/accounts/:id/highlevel-sync/users"),
  method: "POST",
  response: responds<HighLevelSyncView>(),
});

/** The signed-in person's own settings. */
export const profileRoute = defineRoute({
  method: "GET",
  path: "/api/profile",
  role: "member",
  response: responds<{ profile: ProfileView }>(),
});

/** Saves the email signature (empty removes it). */
export const saveProfileRoute = defineRoute({
  method: "PUT",
  path: "/api/profile",
  body: profileInputSchema,
  role: "member",
  response: responds<{ profile: ProfileView }>(),
});

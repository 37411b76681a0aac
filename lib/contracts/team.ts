import { z } from "zod";
import type { BulkActionResult } from "@/lib/bulk-actions/create";
import type { BulkUndoResult } from "@/lib/bulk-actions/undo";
import { bulkRequestSchema } from "@/lib/bulk-actions/validations";
import type { SavedViewRow } from "@/lib/inbox/saved-views";
import type { Assignment } from "@/lib/team/assign";
import type { LabelChange } from "@/lib/team/conversation-labels";
import type { LabelView } from "@/lib/team/labels";
import type { MemberInScope } from "@/lib/team/members";
import type { NoteView } from "@/lib/team/notes";
import type { PresentPerson } from "@/lib/team/presence";
import type { SnoozeChange } from "@/lib/team/snooze";
import {
  assignInputSchema,
  noteInputSchema,
  presenceInputSchema,
  savedViewInputSchema,
  snoozeInputSchema,
} from "@/lib/team/validations";
import { idParams } from "./conversations";
import { defineRoute, responds } from "./define-route";

// Working as a team on a conversation (assign, snooze, notes, labels, presence), on many at once
// (bulk actions), and the people, labels and saved views those offer.

export const assignRoute = defineRoute({
  method: "PUT",
  path: "/api/conversations/:id/assignee",
  params: idParams,
  body: assignInputSchema,
  role: "member",
  response: responds<Assignment>(),
});

/** Until a time in the future, within a year. */
export const snoozeRoute = defineRoute({
  method: "PUT",
  path: "/api/conversations/:id/snooze",
  params: idParams,
  body: snoozeInputSchema,
  role: "member",
  response: responds<SnoozeChange>(),
});

export const unsnoozeRoute = defineRoute({
  method: "DELETE",
  path: "/api/conversations/:id/snooze",
  params: idParams,
  role: "member",
  response: responds<SnoozeChange>(),
});

/** An internal note: stored here only, never sent to the customer. */
export const addNoteRoute = defineRoute({
  method: "POST",
  path: "/api/conversations/:id/notes",
  params: idParams,
  body: noteInputSchema,
  role: "member",
  response: responds<{ note: NoteView }>(),
});

const conversationLabelParams = z.object({ id: z.string(), labelId: z.string() });

export const labelConversationRoute = defineRoute({
  method: "PUT",
  path: "/api/conversations/:id/labels/:labelId",
  params: conversationLabelParams,
  role: "member",
  response: responds<LabelChange>(),
});

export const unlabelConversationRoute = defineRoute({ ...labelConversationRoute, method: "DELETE" });

/** The open page's heartbeat: answers who else has this conversation open. */
export const presenceRoute = defineRoute({
  method: "POST",
  path: "/api/conversations/:id/presence",
  params: idParams,
  body: presenceInputSchema,
  role: "person",
  response: responds<{ others: PresentPerson[] }>(),
});

/** The page closed the conversation. */
export const leavePresenceRoute = defineRoute({
  method: "DELETE",
  path: "/api/conversations/:id/presence",
  params: idParams,
  role: "person",
  response: responds<null>(),
});

/** The labels of every account the viewer reads: the list's label filter. */
export const labelsInScopeRoute = defineRoute({
  method: "GET",
  path: "/api/labels",
  role: "member",
  response: responds<{ labels: Array<LabelView & { accountId: string }> }>(),
});

/** The people of the viewer's accounts, each with the accounts they belong to (a bulk Assign's choices). */
export const membersInScopeRoute = defineRoute({
  method: "GET",
  path: "/api/members",
  role: "member",
  response: responds<{ members: MemberInScope[] }>(),
});

/** One action on many conversations, in one transaction; its id is what Undo takes. */
export const bulkActionRoute = defineRoute({
  method: "POST",
  path: "/api/bulk-actions",
  body: bulkRequestSchema,
  role: "person",
  response: responds<{ bulkAction: BulkActionResult }>(),
});

/** Puts back what the person's bulk action changed (within a minute of it). */
export const undoBulkActionRoute = defineRoute({
  method: "POST",
  path: "/api/bulk-actions/:id/undo",
  params: idParams,
  role: "person",
  response: responds<BulkUndoResult>(),
});

/** How many conversations "select all matching" the list's query string would take. */
export const bulkMatchingRoute = defineRoute({
  method: "GET",
  path: "/api/bulk-actions/matching",
  query: z.object({ query: z.string().max(4_000, "at most 4,000 characters").default("") }),
  role: "person",
  response: responds<{ count: number; capped: boolean; max: number }>(),
});

/** The viewer's saved views and those shared with their accounts, each with its count now. */
export const savedViewsRoute = defineRoute({
  method: "GET",
  path: "/api/saved-views",
  role: "person",
  response: responds<{ views: SavedViewRow[] }>(),
});

export const saveViewRoute = defineRoute({
  method: "POST",
  path: "/api/saved-views",
  body: savedViewInputSchema,
  role: "person",
  response: responds<{ view: { id: string } }>(),
});

export const deleteSavedViewRoute = defineRoute({
  method: "DELETE",
  path: "/api/saved-views/:id",
  params: idParams,
  role: "person",
  response: responds<null>(),
});

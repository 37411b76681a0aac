import type { SenderKind } from "@/lib/vocabulary";

// Who said it (issue #27, item 6): every outbound message names who sent it.
//   person          someone in Threadline (the reply's author: a person, or an API token's name);
//   highlevel-user  a HighLevel user: the OutboundMessage's `userId`, named by the payload, by the
//                   account's teammates (UserCreate/UserUpdate) or by HighLevel's users API;
//   voxity-user     the Voxity agent's user the message names;
//   automation      HighLevel says a workflow, a campaign or a bulk action sent it (`source`).
// HighLevel's message `source` values (its conversations API): workflow, bulk_actions, campaign,
// api, app. An automation's `source` wins over a `userId` (a workflow may carry the contact's
// assigned user, who did not write it); "api" with no user is an automation too (another app's
// integration); "app" is a person in HighLevel's app, named when the user is known.

/** Who sent an outbound message, in the words the thread shows under it. */
export interface MessageSender {
  kind: SenderKind;
  name: string;
}

/** HighLevel `source` values that mean no person wrote it, in the words the thread shows. */
export const AUTOMATION_SOURCES: Readonly<Record<string, string>> = {
  workflow: "Workflow",
  campaign: "Campaign",
  bulk_actions: "Bulk action",
};
export const AUTOMATION = "Automation";

/** Prefix of a message's author id when it was sent from Threadline (reports group by it). */
export const THREADLINE_AUTHOR_PREFIX = "threadline:";

/** The author id a reply's message carries: the person (or token) who sent it, for reports per person. */
export function threadlineAuthorId(actor: { userId: string | null; tokenId?: string | null }): string | null {
  if (actor.userId) return `${THREADLINE_AUTHOR_PREFIX}user:${actor.userId}`;
  if (actor.tokenId) return `${THREADLINE_AUTHOR_PREFIX}token:${actor.tokenId}`;
  return null;
}

export interface SenderFacts {
  provider: string;
  direction: string;
  source: string | null;
  authorName: string | null;
  authorExternalId: string | null;
  /** Sent from Threadline (it has a reply row). */
  fromThreadline: boolean;
}

/** Who sent an outbound message; null for an inbound one, or when nothing says. */
export function senderOf(message: SenderFacts, teammateName: string | null): MessageSender | null {
  if (message.direction !== "outbound") return null;
  const source = message.source?.toLowerCase() ?? null;
  if (message.fromThreadline || source === "threadline")
    return { kind: "person", name: message.authorName || "Someone in Threadline" };
  const automation = source ? AUTOMATION_SOURCES[source] : undefined;
  if (automation) return { kind: "automation", name: automation };
  const name = message.authorName || teammateName;
  const user = message.authorExternalId || message.authorName;
  if (message.provider === "voxity") return user ? { kind: "voxity-user", name: name || "Voxity user" } : null;
  if (user) return { kind: "highlevel-user", name: name || "HighLevel user" };
  if (source === "api") return { kind: "automation", name: AUTOMATION };
  if (source === "app") return { kind: "highlevel-user", name: "HighLevel user" };
  return null;
}

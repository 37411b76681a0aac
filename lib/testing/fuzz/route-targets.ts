import {
  DELETE as deleteAccountLabel,
  PATCH as patchAccountLabel,
} from "@/app/api/accounts/[id]/labels/[labelId]/route";
import { POST as createAccountLabel } from "@/app/api/accounts/[id]/labels/route";
import { DELETE as revokeToken } from "@/app/api/accounts/[id]/tokens/[tokenId]/route";
import { POST as issueToken } from "@/app/api/accounts/[id]/tokens/route";
import { PUT as putTriageSettings } from "@/app/api/accounts/[id]/triage-settings/route";
import { POST as undoBulk } from "@/app/api/bulk-actions/[id]/undo/route";
import { POST as bulk } from "@/app/api/bulk-actions/route";
import { PUT as assign } from "@/app/api/conversations/[id]/assignee/route";
import { DELETE as reopen, POST as done } from "@/app/api/conversations/[id]/done/route";
import { DELETE as deleteDraft, PUT as putDraft } from "@/app/api/conversations/[id]/draft/route";
import { DELETE as unlabel, PUT as label } from "@/app/api/conversations/[id]/labels/[labelId]/route";
import { GET as messages } from "@/app/api/conversations/[id]/messages/route";
import { POST as note } from "@/app/api/conversations/[id]/notes/route";
import { DELETE as leave, POST as presence } from "@/app/api/conversations/[id]/presence/route";
import { POST as read } from "@/app/api/conversations/[id]/read/route";
import { POST as sendReply } from "@/app/api/conversations/[id]/replies/route";
import { DELETE as unsnooze, PUT as snooze } from "@/app/api/conversations/[id]/snooze/route";
import { POST as unread } from "@/app/api/conversations/[id]/unread/route";
import { POST as attach } from "@/app/api/conversations/[id]/attachments/route";
import { GET as counts } from "@/app/api/conversations/counts/route";
import { GET as conversations } from "@/app/api/conversations/route";
import { POST as samePerson } from "@/app/api/customers/[id]/same-person/route";
import { PUT as saveProfile } from "@/app/api/profile/route";
import { POST as cancel } from "@/app/api/replies/[id]/cancel/route";
import { POST as dismiss } from "@/app/api/replies/[id]/dismiss/route";
import { POST as retry } from "@/app/api/replies/[id]/retry/route";
import { DELETE as deleteView } from "@/app/api/saved-views/[id]/route";
import { POST as saveView } from "@/app/api/saved-views/route";
import { GET as sendAudit } from "@/app/api/send-audit/route";
import type { RouteHandler } from "@/lib/testing/route-call";
import type { FuzzWorld, IdKind } from "./route-world";

// The routes the write-route fuzz calls: every authenticated route that changes something (and
// the list reads, for their query strings), each with its path's ids and a genuine body to mutate.

export interface RouteTarget {
  name: string;
  handler: RouteHandler;
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  /** The URL with its dynamic segments named, e.g. /api/conversations/[id]/labels/[labelId]. */
  path: string;
  /** Which of the world's ids each dynamic segment is drawn from. */
  params: Record<string, IdKind>;
  /** The body a client genuinely sends; none for routes without one. */
  body?: (world: FuzzWorld, index: number) => unknown;
  /** How often it is drawn, relative to the others. */
  weight: number;
}

const conversation = { id: "conversation" } as const;
const reply = { id: "reply" } as const;
const accountLabel = { id: "account", labelId: "label" } as const;
const soon = (index: number) => new Date(Date.now() + 3_600_000 + (index % 1000) * 60_000).toISOString();

type Method = RouteTarget["method"];
const route = (
  name: string,
  handler: RouteHandler,
  method: Method,
  path: string,
  params: Record<string, IdKind>,
  weight: number,
  body?: RouteTarget["body"],
): RouteTarget => ({ name, handler, method, path, params, weight, body });

export const ROUTE_TARGETS: RouteTarget[] = [
  route("send reply", sendReply, "POST", "/api/conversations/[id]/replies", conversation, 6, (_world, index) => ({
    clientKey: `fuzz-key-${index}`,
    channel: "sms",
    text: `Reply ${index}`,
  })),
  route("retry reply", retry, "POST", "/api/replies/[id]/retry", reply, 2),
  route("dismiss reply", dismiss, "POST", "/api/replies/[id]/dismiss", reply, 2),
  route("cancel reply", cancel, "POST", "/api/replies/[id]/cancel", reply, 2),
  route("assign", assign, "PUT", "/api/conversations/[id]/assignee", conversation, 5, (world, index) => ({
    assigneeId: index % 3 === 0 ? null : world.memberAId,
  })),
  route("note", note, "POST", "/api/conversations/[id]/notes", conversation, 5, (world, index) => ({
    text: `Note ${index} @teammate`,
    mentions: [world.memberAId],
  })),
  route("snooze", snooze, "PUT", "/api/conversations/[id]/snooze", conversation, 4, (_world, index) => ({
    until: soon(index),
  })),
  route("unsnooze", unsnooze, "DELETE", "/api/conversations/[id]/snooze", conversation, 2),
  route("presence", presence, "POST", "/api/conversations/[id]/presence", conversation, 3, (_world, index) => ({
    typing: index % 2 === 0,
  })),
  route("leave", leave, "DELETE", "/api/conversations/[id]/presence", conversation, 1),
  route("read", read, "POST", "/api/conversations/[id]/read", conversation, 2),
  route("unread", unread, "POST", "/api/conversations/[id]/unread", conversation, 2),
  route("done", done, "POST", "/api/conversations/[id]/done", conversation, 2),
  route("reopen", reopen, "DELETE", "/api/conversations/[id]/done", conversation, 2),
  route(
    "label conversation",
    label,
    "PUT",
    "/api/conversations/[id]/labels/[labelId]",
    { ...conversation, labelId: "label" },
    4,
  ),
  route(
    "unlabel conversation",
    unlabel,
    "DELETE",
    "/api/conversations/[id]/labels/[labelId]",
    { ...conversation, labelId: "label" },
    2,
  ),
  route(
    "create label",
    createAccountLabel,
    "POST",
    "/api/accounts/[id]/labels",
    { id: "account" },
    3,
    (_world, index) => ({
      name: `Label ${index}`,
      color: "green",
    }),
  ),
  route(
    "edit label",
    patchAccountLabel,
    "PATCH",
    "/api/accounts/[id]/labels/[labelId]",
    accountLabel,
    3,
    (_world, index) => ({
      name: `Renamed ${index}`,
      color: "rose",
    }),
  ),
  route("delete label", deleteAccountLabel, "DELETE", "/api/accounts/[id]/labels/[labelId]", accountLabel, 1),
  route("save view", saveView, "POST", "/api/saved-views", {}, 3, (world, index) => ({
    name: `View ${index}`,
    query: "view=mine&channel=sms",
    shared: index % 2 === 0,
    accountId: world.accountA,
  })),
  route("delete view", deleteView, "DELETE", "/api/saved-views/[id]", { id: "savedView" }, 1),
  route("save draft", putDraft, "PUT", "/api/conversations/[id]/draft", conversation, 3, (_world, index) => ({
    text: `Draft ${index}`,
    subject: null,
    channel: "sms",
  })),
  route("delete draft", deleteDraft, "DELETE", "/api/conversations/[id]/draft", conversation, 1),
  route("save profile", saveProfile, "PUT", "/api/profile", {}, 1, (_world, index) => ({
    emailSignature: `Signature ${index}\nFront desk`,
  })),
  route("issue token", issueToken, "POST", "/api/accounts/[id]/tokens", { id: "account" }, 1, (_world, index) => ({
    name: `Token ${index}`,
    scope: index % 2 ? "send" : "read",
  })),
  route(
    "revoke token",
    revokeToken,
    "DELETE",
    "/api/accounts/[id]/tokens/[tokenId]",
    { id: "account", tokenId: "token" },
    1,
  ),
  route(
    "triage settings",
    putTriageSettings,
    "PUT",
    "/api/accounts/[id]/triage-settings",
    { id: "account" },
    1,
    (_world, index) => ({ closingPhrases: `thanks\nsee you ${index}`, callbackSlaMinutes: 60 + (index % 60) }),
  ),
  route("bulk action", bulk, "POST", "/api/bulk-actions", {}, 2, (world, index) => ({
    target: { ids: world.own.conversation },
    action:
      index % 2 ? { kind: "assign", assigneeId: world.memberAId } : { kind: "label", labelId: world.own.label[0] },
  })),
  route(
    "same person",
    samePerson,
    "POST",
    "/api/customers/[id]/same-person",
    { id: "customer" },
    2,
    (world, index) => ({
      otherCustomerId: (index % 2 ? world.foreign : world.own).customer[0] ?? "",
      decision: index % 3 ? "linked" : "dismissed",
    }),
  ),
  // Uploads are multipart; the fuzz speaks JSON, so this proves every malformed upload is a 4xx.
  route("attach", attach, "POST", "/api/conversations/[id]/attachments", conversation, 1, (_world, index) => ({
    file: `photo-${index}.png`,
  })),
  route("undo bulk action", undoBulk, "POST", "/api/bulk-actions/[id]/undo", { id: "bulkAction" }, 1),
  route("list", conversations, "GET", "/api/conversations", {}, 1),
  route("counts", counts, "GET", "/api/conversations/counts", {}, 1),
  route("messages", messages, "GET", "/api/conversations/[id]/messages", conversation, 1),
  route("send audit", sendAudit, "GET", "/api/send-audit", {}, 1),
];

import { DELETE as deleteRoute, GET as getRoute, PUT as putRoute } from "@/app/api/conversations/[id]/draft/route";
import { POST as cancelRoute } from "@/app/api/replies/[id]/cancel/route";
import type { Credentials } from "./read-api";
import { callRoute } from "./route-call";

// The draft routes' and the Cancel route's real handlers (reply drafts, Send later).

const draftUrl = (conversationId: string) => `/api/conversations/${conversationId}/draft`;

export const getDraft = (conversationId: string, as: Credentials) =>
  callRoute(getRoute, { method: "GET", url: draftUrl(conversationId), id: conversationId, headers: as });
export const putDraft = (conversationId: string, as: Credentials, body: unknown) =>
  callRoute(putRoute, { method: "PUT", url: draftUrl(conversationId), id: conversationId, headers: as, body });
export const deleteDraft = (conversationId: string, as: Credentials) =>
  callRoute(deleteRoute, { method: "DELETE", url: draftUrl(conversationId), id: conversationId, headers: as });
export const cancelReply = (replyId: string, as: Credentials) =>
  callRoute(cancelRoute, { method: "POST", url: `/api/replies/${replyId}/cancel`, id: replyId, headers: as });

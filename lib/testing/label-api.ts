import { GET as listRoute, POST as createRoute } from "@/app/api/accounts/[id]/labels/route";
import { GET as inScopeRoute } from "@/app/api/labels/route";
import { DELETE as deleteRoute, PATCH as patchRoute } from "@/app/api/accounts/[id]/labels/[labelId]/route";
import { DELETE as removeRoute, PUT as applyRoute } from "@/app/api/conversations/[id]/labels/[labelId]/route";
import type { Credentials } from "./read-api";
import { callRoute } from "./route-call";

// The label routes' real handlers: an account's labels (owners manage them) and a conversation's.

const accountPath = (accountId: string, labelId?: string) =>
  `/api/accounts/${accountId}/labels${labelId ? `/${labelId}` : ""}`;

export const listLabels = (accountId: string, as: Credentials) =>
  callRoute<{ labels: Array<{ id: string; name: string; color: string }> }>(listRoute, {
    method: "GET",
    url: accountPath(accountId),
    id: accountId,
    headers: as,
  });

export const createLabel = (accountId: string, body: unknown, as: Credentials) =>
  callRoute<{ label: { id: string; name: string; color: string }; error?: string }>(createRoute, {
    method: "POST",
    url: accountPath(accountId),
    id: accountId,
    headers: as,
    body,
  });

export const patchLabel = (accountId: string, labelId: string, body: unknown, as: Credentials) =>
  callRoute(patchRoute, {
    method: "PATCH",
    url: accountPath(accountId, labelId),
    id: accountId,
    params: { labelId },
    headers: as,
    body,
  });

export const deleteLabel = (accountId: string, labelId: string, as: Credentials) =>
  callRoute(deleteRoute, {
    method: "DELETE",
    url: accountPath(accountId, labelId),
    id: accountId,
    params: { labelId },
    headers: as,
  });

const conversationPath = (id: string, labelId: string) => `/api/conversations/${id}/labels/${labelId}`;

export const applyLabel = (id: string, labelId: string, as: Credentials) =>
  callRoute(applyRoute, { method: "PUT", url: conversationPath(id, labelId), id, params: { labelId }, headers: as });

export const removeLabel = (id: string, labelId: string, as: Credentials) =>
  callRoute(removeRoute, {
    method: "DELETE",
    url: conversationPath(id, labelId),
    id,
    params: { labelId },
    headers: as,
  });

export const labelsInScope = (as: Credentials) =>
  callRoute<{ labels: Array<{ id: string; name: string; accountId: string }> }>(inScopeRoute, {
    method: "GET",
    url: "/api/labels",
    id: "",
    headers: as,
  });

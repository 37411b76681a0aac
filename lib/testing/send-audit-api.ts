import { GET as tokenListRoute, POST as tokenRoute } from "@/app/api/accounts/[id]/tokens/route";
import { GET as auditRoute } from "@/app/api/send-audit/route";
import { getPrisma } from "@/lib/db";
import type { SendAuditPage } from "@/lib/replies/audit-types";
import type { Credentials } from "./read-api";
import { callRoute } from "./route-call";

// The send audit's and the API token routes' real handlers, and the audit as stored.

export const readSendAudit = (as: Credentials, query = "") =>
  callRoute<SendAuditPage & { error?: string }>(auditRoute, {
    method: "GET",
    url: `/api/send-audit${query ? `?${query}` : ""}`,
    id: "",
    headers: as,
  });

export const createApiToken = (accountId: string, body: unknown, as: Credentials) =>
  callRoute<{ token: string; scope: string; error?: string }>(tokenRoute, {
    method: "POST",
    url: `/api/accounts/${accountId}/tokens`,
    id: accountId,
    headers: as,
    body,
  });

export const listApiTokens = (accountId: string, as: Credentials) =>
  callRoute<{ tokens: Array<{ name: string; scope: string }> }>(tokenListRoute, {
    method: "GET",
    url: `/api/accounts/${accountId}/tokens`,
    id: accountId,
    headers: as,
  });

/** Every audit row, oldest first, as stored. */
export async function storedSendAudit() {
  const prisma = await getPrisma();
  return prisma.sendAudit.findMany({ orderBy: [{ createdAt: "asc" }, { action: "asc" }] });
}

export const bearer = (token: string): Credentials => ({ authorization: `Bearer ${token}` });

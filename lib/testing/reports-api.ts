import { GET as getReport } from "@/app/api/reports/[name]/route";
import type { Reports } from "@/lib/reports";
import type { ReportName } from "@/lib/reports/validations";
import { adminCookie } from "./auth";
import type { Credentials } from "./read-api";
import { callRoute } from "./route-call";

// GET /api/reports/<name> through its real handler; an administrator asks unless told who.

export async function fetchReport<N extends ReportName>(name: N, query: string, credentials?: Credentials) {
  const headers = credentials ?? { cookie: await adminCookie() };
  return callRoute<Reports[N] & { error?: string }>(getReport, {
    url: `/api/reports/${name}?${query}`,
    params: { name },
    headers,
  });
}

import { GET as getReport } from "@/app/api/reports/[name]/route";
import type { Reports } from "@/lib/reports";
import type { ReportName } from "@/lib/reports/validations";
import { adminCookie } from "./auth";
import type { Credentials } from "./read-api";

// GET /api/reports/<name> through its real handler; an administrator asks unless told who.

export async function fetchReport<N extends ReportName>(name: N, query: string, credentials?: Credentials) {
  const headers = credentials ?? { cookie: await adminCookie() };
  const response = await getReport(new Request(`http://localhost/api/reports/${name}?${query}`, { headers }), {
    params: Promise.resolve({ name }),
  });
  return { status: response.status, body: (await response.json()) as Reports[N] & { error?: string } };
}

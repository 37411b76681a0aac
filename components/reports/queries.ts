"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { apiFetch } from "@/components/api/api-fetch";
import type { Reports } from "@/lib/reports";
import type { ReportName } from "@/lib/reports/validations";
import type { ReportState } from "./use-report-state";

export function reportUrl(
  name: ReportName,
  { from, to, tz, account }: Pick<ReportState, "from" | "to" | "tz" | "account">,
) {
  const params = new URLSearchParams({ from, to, tz });
  if (account) params.set("account", account);
  return `/api/reports/${name}?${params}`;
}

/** One report for the page's range and account; the previous figures stay while new ones load. */
export function useReport<N extends ReportName>(name: N, state: ReportState) {
  const url = reportUrl(name, state);
  return useQuery({
    queryKey: ["reports", url],
    queryFn: ({ signal }) => apiFetch<Reports[N]>(url, { signal }),
    enabled: state.ready,
    placeholderData: keepPreviousData,
  });
}

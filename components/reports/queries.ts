"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { callRoute } from "@/components/api/call-route";
import { reportRoute } from "@/lib/contracts/reports";
import type { Reports } from "@/lib/reports";
import type { ReportName } from "@/lib/reports/validations";
import type { ReportState } from "./use-report-state";

/** The report's query: the page's range, time zone and account. */
const reportQuery = ({ from, to, tz, account }: Pick<ReportState, "from" | "to" | "tz" | "account">) => ({
  from,
  to,
  tz,
  account: account || undefined,
});

/** One report for the page's range and account; the previous figures stay while new ones load. */
export function useReport<N extends ReportName>(name: N, state: ReportState) {
  const query = reportQuery(state);
  return useQuery({
    queryKey: ["reports", name, query],
    // The contract answers any report; the one named is the one asked for.
    queryFn: ({ signal }) => callRoute(reportRoute, { params: { name }, query }, { signal }) as Promise<Reports[N]>,
    enabled: state.ready,
    placeholderData: keepPreviousData,
  });
}

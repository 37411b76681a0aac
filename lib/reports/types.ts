import type { AccountScope } from "@/lib/access/scope";
import type { ReportQuery } from "./validations";

/** Who asks (their readable accounts) and what: every report query starts from the scope. */
export interface ReportContext {
  scope: AccountScope;
  query: ReportQuery;
}

/** Median and 90th percentile in seconds; null when nothing was measured. */
export interface Percentiles {
  median: number | null;
  p90: number | null;
}

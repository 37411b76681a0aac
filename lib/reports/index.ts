import { type AgentsReport, agentsReport } from "./agents";
import { type CallsReport, callsReport } from "./calls";
import { type FirstResponseReport, firstResponseReport } from "./first-response";
import { type HeatmapReport, heatmapReport } from "./heatmap";
import type { AccountScope } from "@/lib/access/scope";
import type { Db } from "@/lib/db/client";
import { type VolumeReport, volumeReport } from "./volume";
import type { ReportName, ReportQuery } from "./validations";

// The closed set of reports GET /api/reports/<name> answers, one module each.

export interface Reports {
  volume: VolumeReport;
  "first-response": FirstResponseReport;
  calls: CallsReport;
  heatmap: HeatmapReport;
  agents: AgentsReport;
}

const REPORTS: {
  [N in ReportName]: (db: Db, scope: AccountScope, query: ReportQuery) => Promise<Reports[N]>;
} = {
  volume: volumeReport,
  "first-response": firstResponseReport,
  calls: callsReport,
  heatmap: heatmapReport,
  agents: agentsReport,
};

export function runReport<N extends ReportName>(
  db: Db,
  scope: AccountScope,
  name: N,
  query: ReportQuery,
): Promise<Reports[N]> {
  return REPORTS[name](db, scope, query);
}

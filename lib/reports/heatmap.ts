import type { AccountScope } from "@/lib/access/scope";
import type { Db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { inRange } from "./sql";
import type { ReportContext } from "./types";
import type { ReportQuery } from "./validations";

// When customers write and call: inbound messages (calls and voicemails included) by weekday
// and hour of the viewer's zone. Weekdays are ISO: 1 is Monday, 7 Sunday.

export interface HeatmapReport {
  /** cells[weekday - 1][hour]: inbound messages and calls. */
  cells: number[][];
  max: number;
}

export async function heatmapReport(db: Db, scope: AccountScope, query: ReportQuery): Promise<HeatmapReport> {
  const context: ReportContext = { scope, query };
  // A 15-minute bucket lies within one local hour of every real zone.
  const local = Prisma.sql`(b.bucket AT TIME ZONE ${context.query.tz})`;
  const rows = await db.$queryRaw<Array<{ weekday: number; hour: number; count: number }>>`
    SELECT extract(isodow FROM ${local})::int AS weekday, extract(hour FROM ${local})::int AS hour, sum(b.messages)::int AS count
    FROM report_message_buckets b
    WHERE ${inRange(context, Prisma.sql`b`, Prisma.sql`bucket`)} AND b.direction = 'inbound'
    GROUP BY 1, 2`;
  const cells = Array.from({ length: 7 }, () => Array.from({ length: 24 }, () => 0));
  for (const { weekday, hour, count } of rows) {
    const row = cells[weekday - 1];
    if (row && hour >= 0 && hour < 24) row[hour] = count;
  }
  return { cells, max: Math.max(0, ...rows.map((r) => r.count)) };
}

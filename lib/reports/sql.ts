import { accountCondition } from "@/lib/access/scope";
import { Prisma } from "@/lib/generated/prisma/client";
import type { ReportContext } from "./types";

// The pieces every report's SQL shares: which messages it may read and where the days fall.

/** The viewer's readable accounts (and the chosen one), on an account id column. */
export function readable({ scope, query }: ReportContext, column: Prisma.Sql): Prisma.Sql {
  const chosen = query.account ? Prisma.sql`AND ${column} = ${query.account}` : Prisma.empty;
  return Prisma.sql`${accountCondition(scope, column)} ${chosen}`;
}

/** Midnight starting `from` and midnight ending `to` in the viewer's zone, as instants. */
export function bounds({ query }: ReportContext): { start: Prisma.Sql; end: Prisma.Sql } {
  return {
    start: Prisma.sql`((${query.from}::date)::timestamp AT TIME ZONE ${query.tz})`,
    end: Prisma.sql`((${query.to}::date + 1)::timestamp AT TIME ZONE ${query.tz})`,
  };
}

/**
 * Rows of rollup `t` readable by the viewer whose instant `column` falls in the range. Rollup
 * buckets are 15 minutes of UTC, so a local midnight is always a bucket's start.
 */
export function inRange(context: ReportContext, t: Prisma.Sql, column: Prisma.Sql): Prisma.Sql {
  const { start, end } = bounds(context);
  const at = Prisma.sql`${t}.${column}`;
  return Prisma.sql`${readable(context, Prisma.sql`${t}.account_id`)} AND ${at} >= ${start} AND ${at} < ${end}`;
}

/** The viewer's calendar day of an instant, YYYY-MM-DD. */
export function localDay({ query }: ReportContext, instant: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`to_char(${instant} AT TIME ZONE ${query.tz}, 'YYYY-MM-DD')`;
}

/** Median and 90th percentile of seconds, rounded to whole seconds (null when there are none). */
export function percentiles(seconds: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`round(percentile_cont(0.5) WITHIN GROUP (ORDER BY ${seconds}))::int AS median,
    round(percentile_cont(0.9) WITHIN GROUP (ORDER BY ${seconds}))::int AS p90`;
}

export const seconds = (from: Prisma.Sql, to: Prisma.Sql) => Prisma.sql`extract(epoch FROM (${to} - ${from}))`;

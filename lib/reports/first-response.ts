import type { AccountScope } from "@/lib/access/scope";
import type { Db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { type Channel, channelSchema } from "@/lib/vocabulary";
import { agentName, joinTeammate, UNATTRIBUTED } from "./agents-sql";
import { inRange, localDay, percentiles, seconds } from "./sql";
import type { Percentiles, ReportContext } from "./types";
import type { ReportQuery } from "./validations";
import { daysOf } from "./validations";

// First response time, with the Needs reply view's rules (lib/triage/rules.ts): a wait starts at
// a customer message (asks) when the conversation's previous asking-or-answering message was an
// answer, or there was none; it ends at the next answer on any channel. Waits are counted on the
// day (viewer's zone) they started, by the channel the customer wrote on, and by the agent who
// answered. Waits not answered yet have no time: they are counted, never guessed. The waits are
// facts the message triggers keep (prisma/migrations/20261124000500_report_rollups); a report
// reads only those that started in its range.

export interface FirstResponseFigures extends Percentiles {
  waits: number;
  answered: number;
}

export interface FirstResponseReport {
  overall: FirstResponseFigures;
  byChannel: Array<FirstResponseFigures & { channel: Channel }>;
  byAgent: Array<Percentiles & { agentId: string | null; name: string; answered: number }>;
  days: Array<FirstResponseFigures & { day: string }>;
}

type Row = FirstResponseFigures & {
  set: "all" | "channel" | "agent" | "day";
  channel: string | null;
  agent_id: string | null;
  agent_name: string | null;
  day: string | null;
};

export async function firstResponseReport(
  db: Db,
  scope: AccountScope,
  query: ReportQuery,
): Promise<FirstResponseReport> {
  const context: ReportContext = { scope, query };
  const rows = await db.$queryRaw<Row[]>`
    WITH resolved AS (
      SELECT w.channel, ${localDay(context, Prisma.sql`w.started_at`)} AS day, w.replied_at,
        ${seconds(Prisma.sql`w.started_at`, Prisma.sql`w.replied_at`)} AS wait_seconds, w.agent_id,
        ${agentName(Prisma.sql`w`)} AS agent_name
      FROM report_reply_waits w
      ${joinTeammate(Prisma.sql`w`)}
      WHERE ${inRange(context, Prisma.sql`w`, Prisma.sql`started_at`)}
    )
    SELECT CASE WHEN GROUPING(channel) = 0 THEN 'channel' WHEN GROUPING(agent_id) = 0 THEN 'agent'
        WHEN GROUPING(day) = 0 THEN 'day' ELSE 'all' END AS set,
      channel, agent_id, max(agent_name) AS agent_name, day,
      count(*)::int AS waits, count(replied_at)::int AS answered, ${percentiles(Prisma.sql`wait_seconds`)}
    FROM resolved
    GROUP BY GROUPING SETS ((), (channel), (agent_id), (day))`;

  const figures = (row: Row | undefined): FirstResponseFigures => ({
    waits: row?.waits ?? 0,
    answered: row?.answered ?? 0,
    median: row?.median ?? null,
    p90: row?.p90 ?? null,
  });
  const byDay = new Map(rows.filter((r) => r.set === "day").map((r) => [r.day, r]));
  return {
    overall: figures(rows.find((r) => r.set === "all")),
    byChannel: rows
      .filter((r) => r.set === "channel")
      .map((r) => ({ channel: channelSchema.parse(r.channel), ...figures(r) }))
      .sort((x, y) => y.waits - x.waits),
    // Waits no one answered group under no agent: they belong to no one's figures.
    byAgent: rows
      .filter((r) => r.set === "agent" && r.answered > 0)
      .map((r) => ({
        agentId: r.agent_id || null,
        name: r.agent_id ? (r.agent_name ?? r.agent_id) : UNATTRIBUTED,
        answered: r.answered,
        median: r.median,
        p90: r.p90,
      }))
      .sort((x, y) => y.answered - x.answered),
    days: daysOf(context.query.from, context.query.to).map((day) => ({ day, ...figures(byDay.get(day)) })),
  };
}

import type { AccountScope } from "@/lib/access/scope";
import type { Db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { CALL_OUTCOMES, type CallOutcome, callOutcomeSchema, directionSchema } from "@/lib/vocabulary";
import { inRange, localDay, percentiles, seconds } from "./sql";
import type { Percentiles, ReportContext } from "./types";
import type { ReportQuery } from "./validations";
import { daysOf } from "./validations";

// Calls per day by outcome (the stored vocabulary; a voicemail message counts as a call that
// went to voicemail, a call without an outcome as unknown), and callbacks with the Callbacks
// view's rules (lib/triage/rules.ts): a missed inbound call or voicemail starts a wait unless
// one is running; the next outbound call, or an answered call, returns it. Waits are counted on
// the day they started; a wait with no return yet is "never returned". Counts and waits come from
// the rollups the message triggers keep (prisma/migrations/20261124000500_report_rollups).

type Counts = Record<CallOutcome, number>;

export interface CallbackFigures extends Percentiles {
  waits: number;
  returned: number;
  neverReturned: number;
}

export interface CallsReport {
  days: Array<{ day: string; inbound: Counts; outbound: Counts; callbacks: CallbackFigures }>;
  callbacks: CallbackFigures;
}

const zero = (): Counts => Object.fromEntries(CALL_OUTCOMES.map((o) => [o, 0])) as Counts;

export async function callsReport(db: Db, scope: AccountScope, query: ReportQuery): Promise<CallsReport> {
  const context: ReportContext = { scope, query };
  const [calls, waits] = await Promise.all([
    db.$queryRaw<Array<{ day: string; direction: string; outcome: string; count: number }>>`
      SELECT ${localDay(context, Prisma.sql`b.bucket`)} AS day, b.direction, b.outcome, sum(b.messages)::int AS count
      FROM report_message_buckets b
      WHERE ${inRange(context, Prisma.sql`b`, Prisma.sql`bucket`)} AND b.channel IN ('call', 'voicemail')
      GROUP BY 1, 2, 3`,
    db.$queryRaw<Array<CallbackFigures & { day: string | null }>>`
      SELECT ${localDay(context, Prisma.sql`w.started_at`)} AS day, count(*)::int AS waits,
        count(w.returned_at)::int AS returned, (count(*) - count(w.returned_at))::int AS "neverReturned",
        ${percentiles(seconds(Prisma.sql`w.started_at`, Prisma.sql`w.returned_at`))}
      FROM report_callback_waits w
      WHERE ${inRange(context, Prisma.sql`w`, Prisma.sql`started_at`)}
      GROUP BY GROUPING SETS ((), (1))`,
  ]);
  const empty: CallbackFigures = { waits: 0, returned: 0, neverReturned: 0, median: null, p90: null };
  const days = new Map(
    daysOf(context.query.from, context.query.to).map((day) => [
      day,
      { day, inbound: zero(), outbound: zero(), callbacks: { ...empty } },
    ]),
  );
  for (const row of calls) {
    const entry = days.get(row.day);
    if (entry) entry[directionSchema.parse(row.direction)][callOutcomeSchema.parse(row.outcome)] += row.count;
  }
  let overall = empty;
  for (const { day, ...figures } of waits) {
    if (day === null) overall = figures;
    else {
      const entry = days.get(day);
      if (entry) entry.callbacks = figures;
    }
  }
  return { days: [...days.values()], callbacks: overall };
}

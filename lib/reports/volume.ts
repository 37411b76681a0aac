import type { AccountScope } from "@/lib/access/scope";
import type { Db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { type Channel, channelSchema, type Direction, directionSchema } from "@/lib/vocabulary";
import { inRange, localDay } from "./sql";
import type { ReportContext } from "./types";
import type { ReportQuery } from "./validations";
import { daysOf } from "./validations";

// Volume: messages per day in the viewer's zone, by channel and direction (calls and voicemails
// count as messages, as the thread shows them), and conversations started per day (a
// conversation starts with its first message by the provider's time, not when it reached us),
// read from the rollups (prisma/migrations/20261124000500_report_rollups).

export interface VolumeReport {
  days: Array<{
    day: string;
    inbound: Partial<Record<Channel, number>>;
    outbound: Partial<Record<Channel, number>>;
    conversationsStarted: number;
  }>;
  channels: Channel[];
}

export async function volumeReport(db: Db, scope: AccountScope, query: ReportQuery): Promise<VolumeReport> {
  const context: ReportContext = { scope, query };
  const [messages, started] = await Promise.all([
    db.$queryRaw<Array<{ day: string; channel: string; direction: string; count: number }>>`
      SELECT ${localDay(context, Prisma.sql`b.bucket`)} AS day, b.channel, b.direction, sum(b.messages)::int AS count
      FROM report_message_buckets b
      WHERE ${inRange(context, Prisma.sql`b`, Prisma.sql`bucket`)}
      GROUP BY 1, 2, 3 HAVING sum(b.messages) > 0`,
    db.$queryRaw<Array<{ day: string; count: number }>>`
      SELECT ${localDay(context, Prisma.sql`s.started_at`)} AS day, count(*)::int AS count
      FROM report_conversation_starts s
      WHERE ${inRange(context, Prisma.sql`s`, Prisma.sql`started_at`)}
      GROUP BY 1`,
  ]);
  const byDay = new Map(
    daysOf(context.query.from, context.query.to).map((d) => [
      d,
      { day: d, inbound: {}, outbound: {}, conversationsStarted: 0 } as VolumeReport["days"][number],
    ]),
  );
  const channels = new Set<Channel>();
  for (const row of messages) {
    const entry = byDay.get(row.day);
    const channel = channelSchema.parse(row.channel);
    const direction: Direction = directionSchema.parse(row.direction);
    if (!entry) continue;
    entry[direction][channel] = row.count;
    channels.add(channel);
  }
  for (const row of started) {
    const entry = byDay.get(row.day);
    if (entry) entry.conversationsStarted = row.count;
  }
  return { days: [...byDay.values()], channels: channelSchema.options.filter((c) => channels.has(c)) };
}

import type pg from "pg";
import type { AccountScope } from "@/lib/access/scope";
import { scriptScopeOfAccounts, scriptScopeOfEveryAccount } from "@/lib/access/script-scope";
import { getPrisma } from "@/lib/db";
import { runReport } from "@/lib/reports";
import { REPORT_NAMES, reportQuerySchema } from "@/lib/reports/validations";
import { type BenchCase, type ReadFigure, timeCases } from "./time-cases";

// The reports (issue #15, target p95 < 300 ms at 1M messages): each over 90 days for an
// administrator (every account) and over 30 days for a member of one account. The bulk load
// has no call outcomes or authors: calls get outcomes and outbound messages authors first, so
// the callback and per-agent queries have real work to do.

const RUNS = Number(process.env.BENCH_REPORT_RUNS ?? 30);

function day(offsetDays: number): string {
  return new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);
}

/**
 * A bulk UPDATE of half the messages is not what ingestion does (one conversation per
 * statement): the rollup trigger is off for it and `npm run reports:rebuild`'s function brings
 * the rollups back, timed.
 */
async function giveCallsOutcomes(client: pg.Client) {
  await client.query("ALTER TABLE messages DISABLE TRIGGER report_messages_updated");
  await client.query(`
    UPDATE messages SET call_outcome = (ARRAY['answered','answered','no_answer','busy','voicemail','failed'])[1 + floor(random() * 6)::int]
    WHERE channel = 'call' AND call_outcome IS NULL`);
  await client.query(`
    UPDATE messages SET author_external_id = 'bench-user-' || (abs(hashtext(id)) % 12), author_name = 'Agent ' || (abs(hashtext(id)) % 12)
    WHERE direction = 'outbound' AND author_external_id IS NULL`);
  await client.query("ALTER TABLE messages ENABLE TRIGGER report_messages_updated");
  const started = performance.now();
  await client.query("SELECT report_rebuild(NULL)");
  console.log(`  report rollups rebuilt in ${Math.round(performance.now() - started)} ms`);
  await client.query("ANALYZE");
}

export async function measureReports(client: pg.Client): Promise<ReadFigure[]> {
  await giveCallsOutcomes(client);
  const db = await getPrisma();
  const run = (scope: AccountScope, days: number) => (name: (typeof REPORT_NAMES)[number]) => () =>
    runReport(db, scope, name, reportQuerySchema.parse({ from: day(1 - days), to: day(0), tz: "America/New_York" }));
  const admin90 = run(scriptScopeOfEveryAccount(), 90);
  const member30 = run(scriptScopeOfAccounts(["bench-acc-1"]), 30);
  const cases: BenchCase[] = REPORT_NAMES.flatMap((name): BenchCase[] => [
    [`report ${name}: 90 days, all accounts`, admin90(name)],
    [`report ${name}: 30 days, one account`, member30(name)],
  ]);
  return timeCases(client, cases, RUNS);
}

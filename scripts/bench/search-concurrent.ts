import os from "node:os";
import { scriptScopeOfAccounts } from "@/lib/access/script-scope";
import { getPrisma } from "@/lib/db";
import type pg from "pg";
import { listConversations } from "@/lib/inbox/conversations";
import { conversationListQuerySchema } from "@/lib/inbox/validations";
import { COMMON_WORD, RARE_WORD } from "./bulk-load";
import { type CpuSplit, sampleCpu, splitCpu } from "./processes";
import { percentile, type ReadFigure } from "./time-cases";
import { TRANSCRIPT_COMMON_WORD, TRANSCRIPT_RARE_WORD } from "./transcripts";

// Search with 20 people at once (#28 item 5): each person reads one account (20 people over the
// bench's 8 accounts) and all of them search at the same moment, round after round. Every
// request's own time counts, queueing for a pooled connection included. Target p95 < 100 ms.

const SEARCH_USERS = 20;
const SEARCH_ROUNDS = 10;

/** A person's query for a round: the same text for everyone, or one that depends on their account. */
type QueryFor = (user: number, accountIndex: number) => string;

/** Digits of a customer's phone in the person's own account (bulk-load: customer i is in account i % 8 + 1). */
const ownPhoneDigits: QueryFor = (user, accountIndex) => String(5_550_000 + 40 + accountIndex + 8 * (user % 4));

/** The original mix (unchanged since #11, so runs compare): a word, a name fragment, digits. */
const CONCURRENT_QUERIES = [RARE_WORD, COMMON_WORD, "a", "5550042", "ana", "appoint"];
const TRANSCRIPT_MIX = [TRANSCRIPT_RARE_WORD, TRANSCRIPT_COMMON_WORD, ...CONCURRENT_QUERIES];
const mix =
  (queries: string[]): QueryFor =>
  (user) =>
    queries[user % queries.length]!;

/** Each kind the issue names, all 20 people typing that kind at once; then the two mixes of earlier runs. */
export const CONCURRENT_SEARCH_CASES: Array<[string, QueryFor]> = [
  [`rare word (${RARE_WORD})`, () => RARE_WORD],
  [`common word (${COMMON_WORD})`, () => COMMON_WORD],
  [`transcript-only rare word (${TRANSCRIPT_RARE_WORD})`, () => TRANSCRIPT_RARE_WORD],
  [`transcript-only common word (${TRANSCRIPT_COMMON_WORD})`, () => TRANSCRIPT_COMMON_WORD],
  ["phone digits (a customer of their account)", ownPhoneDigits],
  ["one account each", mix(CONCURRENT_QUERIES)],
  ["transcript words in the mix", mix(TRANSCRIPT_MIX)],
];

export interface ConcurrentSearchFigure extends ReadFigure {
  cpu: CpuSplit;
}

/** The server processes of the bench database's connections (the pool's), other than `client`'s own. */
async function ourBackends(client: pg.Client): Promise<number[]> {
  const { rows } = await client.query<{ pid: number }>(
    "SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()",
  );
  return rows.map((row) => row.pid);
}

async function measureCase(
  client: pg.Client,
  accounts: string[],
  label: string,
  queryFor: QueryFor,
): Promise<ConcurrentSearchFigure> {
  const db = await getPrisma();
  const search = (user: number) => {
    const accountIndex = user % accounts.length;
    return listConversations(
      db,
      scriptScopeOfAccounts([accounts[accountIndex]!]),
      conversationListQuerySchema.parse({ q: queryFor(user, accountIndex) }),
      null,
    );
  };
  const times: number[] = [];
  let start = sampleCpu();
  let backends: number[] = [];
  for (let round = 0; round < SEARCH_ROUNDS + 1; round++) {
    const answered = await Promise.all(
      Array.from({ length: SEARCH_USERS }, async (_, user) => {
        const started = performance.now();
        await search(user);
        return performance.now() - started;
      }),
    );
    if (round > 0) times.push(...answered);
    else {
      // Round 0 warms up (and opens the pool's connections, whose server processes are ours).
      backends = await ourBackends(client);
      start = sampleCpu();
    }
  }
  const end = sampleCpu();
  const cpu = splitCpu(start, end, []);
  const ticks = (pids: number[]) =>
    pids.reduce((sum, pid) => sum + (end.procs.get(pid)?.ticks ?? 0) - (start.procs.get(pid)?.ticks ?? 0), 0);
  const searches = SEARCH_ROUNDS * SEARCH_USERS;
  // CPU each search cost, whatever the neighbours take: 20 at once within 100 ms on 2 cores leaves ~10 ms.
  const perSearch = `CPU per search: PostgreSQL ${((ticks(backends) * 10) / searches).toFixed(1)} ms, bench process ${((ticks([process.pid]) * 10) / searches).toFixed(1)} ms`;
  times.sort((a, b) => a - b);
  return {
    name: `search: ${SEARCH_USERS} concurrent users, ${label}`,
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    seqScanOnMessages: false,
    planNote: `each request timed under load (not EXPLAINed); ${perSearch}; machine CPU postgres ${cpu.postgres.toFixed(2)}, bench ${cpu.bench.toFixed(2)}, other ${cpu.other.toFixed(2)} cores, load average ${os.loadavg()[0]!.toFixed(1)}`,
    cpu,
  };
}

/** Every concurrent case; `only` keeps the cases whose label contains it (BENCH_SEARCH_CASES). */
export async function measureConcurrentSearch(client: pg.Client, only?: string): Promise<ConcurrentSearchFigure[]> {
  const accounts = (await client.query<{ id: string }>("SELECT id FROM accounts ORDER BY id")).rows.map((r) => r.id);
  const figures: ConcurrentSearchFigure[] = [];
  for (const [label, queryFor] of CONCURRENT_SEARCH_CASES)
    if (!only || label.includes(only)) figures.push(await measureCase(client, accounts, label, queryFor));
  return figures;
}

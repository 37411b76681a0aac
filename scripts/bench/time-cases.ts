import type pg from "pg";
import { getPrisma } from "@/lib/db";

// Times a bench's query cases and EXPLAINs the SQL they send, flagging any sequential scan on
// messages (read-queries.ts, report-queries.ts).

export interface ReadFigure {
  name: string;
  p50: number;
  p95: number;
  seqScanOnMessages: boolean;
  planNote: string;
}

interface QueryEvent {
  query: string;
  params: string;
}

const RUNS = 100;
const WARMUP = 10;

export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/** A parameter as SQL text, to EXPLAIN a captured statement with its values. */
export function literal(value: unknown): string {
  if (value === null || value === undefined) return "NULL";
  const text = Array.isArray(value)
    ? `{${value.map((v) => `"${String(v).replace(/["\\]/g, "\\$&")}"`).join(",")}}`
    : String(value);
  return `'${text.replace(/'/g, "''")}'`;
}

interface PlanNode {
  "Node Type": string;
  "Relation Name"?: string;
  "Index Name"?: string;
  Plans?: PlanNode[];
}

function walk(node: PlanNode, visit: (node: PlanNode) => void) {
  visit(node);
  for (const child of node.Plans ?? []) walk(child, visit);
}

async function explain(client: pg.Client, events: QueryEvent[]): Promise<{ seqScan: boolean; note: string }> {
  let seqScan = false;
  const indexes = new Set<string>();
  for (const event of events) {
    if (!/^\s*(SELECT|WITH)/i.test(event.query)) continue;
    const params = JSON.parse(event.params) as unknown[];
    await client.query(`PREPARE bench_plan AS ${event.query}`);
    try {
      const { rows } = await client.query<{ "QUERY PLAN": Array<{ Plan: PlanNode }> }>(
        `EXPLAIN (FORMAT JSON) EXECUTE bench_plan${params.length ? `(${params.map(literal).join(", ")})` : ""}`,
      );
      walk(rows[0]!["QUERY PLAN"][0]!.Plan, (node) => {
        if (node["Node Type"] === "Seq Scan" && node["Relation Name"] === "messages") seqScan = true;
        if (node["Index Name"]) indexes.add(node["Index Name"]);
      });
    } finally {
      await client.query("DEALLOCATE bench_plan");
    }
  }
  return { seqScan, note: [...indexes].join(", ") };
}

let captured: QueryEvent[] = [];
let listening = false;

export type BenchCase = [string, () => Promise<unknown>];

/** Times each case (warm-up, then RUNS runs) and EXPLAINs the SQL its last run sent. */
export async function timeCases(client: pg.Client, cases: BenchCase[], runs = RUNS): Promise<ReadFigure[]> {
  const prisma = await getPrisma();
  if (!listening) {
    listening = true;
    (prisma as unknown as { $on(event: "query", listener: (e: QueryEvent) => void): void }).$on("query", (event) =>
      captured.push(event),
    );
  }
  const figures: ReadFigure[] = [];
  for (const [name, run] of cases) {
    for (let i = 0; i < Math.min(WARMUP, runs); i++) await run();
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      captured = [];
      const started = performance.now();
      await run();
      times.push(performance.now() - started);
    }
    times.sort((a, b) => a - b);
    const plan = await explain(client, captured);
    figures.push({
      name,
      p50: percentile(times, 50),
      p95: percentile(times, 95),
      seqScanOnMessages: plan.seqScan,
      planNote: plan.note,
    });
  }
  return figures;
}

import { ALL_ACCOUNTS } from "@/lib/access/scope";
import type pg from "pg";
import { findConversationSummary, listConversations } from "@/lib/inbox/conversations";
import { findCustomer } from "@/lib/inbox/customers";
import { getPrisma } from "@/lib/db";
import { listMessages } from "@/lib/inbox/messages";
import { listCustomerOpportunities } from "@/lib/inbox/opportunities";
import { encodeCursor } from "@/lib/inbox/pagination";
import { conversationListQuerySchema } from "@/lib/inbox/validations";
import { COMMON_WORD, LONG_THREAD_ID, RARE_WORD } from "./bulk-load";

// Times the read API's own query functions against the loaded database and EXPLAINs the SQL
// they send, flagging any sequential scan on messages.

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

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

function literal(value: unknown): string {
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

export async function measureReads(client: pg.Client): Promise<ReadFigure[]> {
  const prisma = await getPrisma();
  let captured: QueryEvent[] = [];
  (prisma as unknown as { $on(event: "query", listener: (e: QueryEvent) => void): void }).$on("query", (event) =>
    captured.push(event),
  );

  const list = (params: Record<string, unknown>) =>
    listConversations(conversationListQuerySchema.parse(params), ALL_ACCOUNTS);
  const deep = await client.query<{ last_message_at: Date; id: string }>(
    `SELECT last_message_at, id FROM conversations WHERE last_message_at IS NOT NULL ORDER BY last_message_at DESC, id DESC OFFSET (SELECT count(*) / 2 FROM conversations) LIMIT 1`,
  );
  const deepCursor = deep.rows[0] ? encodeCursor({ at: deep.rows[0].last_message_at, id: deep.rows[0].id }) : undefined;
  const detail = async () => {
    const conversation = await findConversationSummary(LONG_THREAD_ID, ALL_ACCOUNTS);
    const customerId = conversation?.customer?.id;
    if (customerId) await Promise.all([findCustomer(customerId), listCustomerOpportunities(customerId)]);
  };

  const cases: Array<[string, () => Promise<unknown>]> = [
    ["list: first page", () => list({})],
    ["list: channel=email", () => list({ channel: ["email"] })],
    ["list: direction=inbound", () => list({ direction: "inbound" })],
    [
      "list: channel=whatsapp+voicemail & outbound",
      () => list({ channel: ["whatsapp", "voicemail"], direction: "outbound" }),
    ],
    ["list: unread, channel=sms", () => list({ channel: ["sms"], unread: "true" })],
    ["list: deep page (cursor at 50%)", () => list({ cursor: deepCursor })],
    [`search: rare word (${RARE_WORD})`, () => list({ q: RARE_WORD })],
    [`search: common word (${COMMON_WORD})`, () => list({ q: COMMON_WORD })],
    ["search: customer phone digits", () => list({ q: "5550042" })],
    ["thread: newest page of 10,000", () => listMessages(LONG_THREAD_ID, { limit: 50, latest: true }, ALL_ACCOUNTS)],
    ["conversation detail", detail],
  ];

  const figures: ReadFigure[] = [];
  for (const [name, run] of cases) {
    for (let i = 0; i < WARMUP; i++) await run();
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) {
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

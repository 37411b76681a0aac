import { scriptScopeOfEveryAccount } from "@/lib/access/script-scope";
import { getPrisma } from "@/lib/db";
import type pg from "pg";
import { findConversationSummary, listConversations } from "@/lib/inbox/conversations";
import { findCustomer } from "@/lib/inbox/customers";
import { listMessages } from "@/lib/inbox/messages";
import { listCustomerOpportunities } from "@/lib/inbox/opportunities";
import { encodeCursor } from "@/lib/inbox/pagination";
import { conversationListQuerySchema } from "@/lib/inbox/validations";
import { countConversations, countView } from "@/lib/inbox/conversation-counts";
import { COMMON_WORD, LONG_THREAD_ID, RARE_WORD } from "./bulk-load";
import { measureConcurrentSearch } from "./search-concurrent";
import { type BenchCase, type ReadFigure, timeCases } from "./time-cases";
import { TRANSCRIPT_COMMON_WORD, TRANSCRIPT_RARE_WORD } from "./transcripts";

const ALL_ACCOUNTS = scriptScopeOfEveryAccount();

export type { ReadFigure };

/** A person with no reads yet: every read-state subquery still runs. */
const BENCH_READER = "bench-reader";

// Times the read API's own query functions against the loaded database and EXPLAINs the SQL
// they send, flagging any sequential scan on messages.

export async function measureReads(client: pg.Client): Promise<ReadFigure[]> {
  const db = await getPrisma();
  const list = (params: Record<string, unknown>) =>
    listConversations(db, ALL_ACCOUNTS, conversationListQuerySchema.parse(params), null);
  const listAs = (params: Record<string, unknown>) =>
    listConversations(db, ALL_ACCOUNTS, conversationListQuerySchema.parse(params), BENCH_READER);
  const deep = await client.query<{ last_message_at: Date; id: string }>(
    `SELECT last_message_at, id FROM conversations WHERE last_message_at IS NOT NULL ORDER BY last_message_at DESC, id DESC OFFSET (SELECT count(*) / 2 FROM conversations) LIMIT 1`,
  );
  const deepCursor = deep.rows[0] ? encodeCursor({ at: deep.rows[0].last_message_at, id: deep.rows[0].id }) : undefined;
  const detail = async () => {
    const conversation = await findConversationSummary(db, ALL_ACCOUNTS, LONG_THREAD_ID, null);
    const customerId = conversation?.customer?.id;
    if (customerId)
      await Promise.all([
        findCustomer(db, ALL_ACCOUNTS, customerId),
        listCustomerOpportunities(db, ALL_ACCOUNTS, customerId),
      ]);
  };

  const cases: BenchCase[] = [
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
    // Calls' transcripts and summaries are searched too (#14): words found only there.
    [`search: transcript-only rare word (${TRANSCRIPT_RARE_WORD})`, () => list({ q: TRANSCRIPT_RARE_WORD })],
    [`search: transcript-only common word (${TRANSCRIPT_COMMON_WORD})`, () => list({ q: TRANSCRIPT_COMMON_WORD })],
    [
      "thread: newest page of 10,000",
      () => listMessages(db, ALL_ACCOUNTS, LONG_THREAD_ID, { limit: 50, latest: true }),
    ],
    ["conversation detail", detail],
    // Triage (issue #13): a person's views, with their read state (target p95 < 50 ms at 1M messages).
    ["view: needs-reply", () => listAs({ view: "needs-reply" })],
    ["view: callbacks", () => listAs({ view: "callbacks" })],
    ["view: unread (mine)", () => listAs({ view: "unread" })],
    ["view counts (all five)", () => countConversations(db, ALL_ACCOUNTS, BENCH_READER)],
    ["view count: needs-reply", () => countView(db, ALL_ACCOUNTS, BENCH_READER, "needs-reply")],
    ["view count: callbacks", () => countView(db, ALL_ACCOUNTS, BENCH_READER, "callbacks")],
    ["view counts, one account", () => countConversations(db, ALL_ACCOUNTS, BENCH_READER, { account: "bench-acc-1" })],
  ];

  const figures = await timeCases(client, cases);
  const { measureReports } = await import("./report-queries");
  figures.push(...(await measureReports(client)));
  figures.push(...(await measureConcurrentSearch(client)));
  return figures;
}

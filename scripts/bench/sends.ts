import type pg from "pg";
import { scriptScopeOfEveryAccount } from "@/lib/access/script-scope";
import { getPrisma } from "@/lib/db";
import { setHighLevelToken } from "@/lib/access/credentials/highlevel-token";
import { HIGHLEVEL_WINDOW_MARGIN_MS } from "@/lib/providers/highlevel/api/rate-limit";
import { listMessages } from "@/lib/inbox/messages";
import { messageListQuerySchema } from "@/lib/inbox/validations";
import { JobWorker } from "@/lib/jobs/worker";
import { createReply } from "@/lib/replies/create";
import { installTestSigningKeys } from "@/lib/testing/signing";
import { postWebhook } from "@/lib/testing/webhooks";
import { JOB_DEFINITIONS } from "@/lib/worker/job-definitions";
import { startSendStandIn } from "./send-stand-in";
import { percentile } from "./time-cases";

// Issue #27's benchmark (BENCH_ONLY=sends): what a person waits for when they press Send (the
// reply stored and in the thread's next read: the composer shows it optimistically before that),
// and 1,000 queued sends over 5 locations against a stand-in that enforces HighLevel's 100 per
// 10 s per location: the total time against the theoretical minimum, and how many 429s the queue
// caused (its shared token bucket should cause none). Two job workers share the queue.

const LOCATIONS = 5;
const SENDS = 1_000;
const LIMIT = 100;
const WINDOW_S = 10;
const BENCH_USER = { id: "bench-send-user", name: "Bench Sender", email: "bench-send@threadline.local" };

/** Issue #27: the reply is in the thread < 100 ms after Send; queued sends cause no 429 and go out once each. */
const TARGET_MS = 100;

export interface SendFigures {
  lines: string[];
  /** The same figures as table rows, each beside its target. */
  /** `met` null: a figure shown beside a reference, without a pass/fail target. */
  rows: Array<{ figure: string; value: string; target: string; met: boolean | null }>;
}

async function replyableConversations(client: pg.Client): Promise<string[]> {
  installTestSigningKeys();
  const ids: string[] = [];
  for (let n = 0; n < LOCATIONS; n++) {
    const locationId = `bench-send-loc-${n}`;
    const contactId = `bench-send-contact-${n}`;
    await postWebhook("highlevel", {
      type: "ContactCreate",
      locationId,
      id: contactId,
      firstName: "Bench",
      lastName: `Customer ${n}`,
      phone: `+1415555${String(1000 + n)}`,
    });
    await postWebhook("highlevel", {
      type: "InboundMessage",
      locationId,
      contactId,
      conversationId: `bench-send-conv-${n}`,
      messageType: "SMS",
      direction: "inbound",
      body: "Can I move my appointment?",
      messageId: `bench-send-in-${n}`,
      dateAdded: new Date().toISOString(),
    });
    const { rows } = await client.query<{ id: string; account_id: string }>(
      `SELECT c.id, c.account_id FROM conversations c JOIN accounts a ON a.id = c.account_id WHERE a.external_id = $1`,
      [locationId],
    );
    await setHighLevelToken(rows[0]!.account_id, `pit-bench-send-${n}-0123456789`);
    ids.push(rows[0]!.id);
  }
  return ids;
}

export async function measureSends(client: pg.Client, log: (line: string) => void): Promise<SendFigures> {
  await client.query("DELETE FROM jobs"); // a previous run's leftovers would share the queue
  const standIn = await startSendStandIn();
  process.env.HIGHLEVEL_API_URL = standIn.url;
  await client.query(
    `INSERT INTO users (id, name, email, is_admin) VALUES ($1, $2, $3, true) ON CONFLICT (id) DO NOTHING`,
    [BENCH_USER.id, BENCH_USER.name, BENCH_USER.email],
  );
  const viewer = { kind: "user" as const, userId: BENCH_USER.id, email: BENCH_USER.email, name: BENCH_USER.name };
  const ALL_ACCOUNTS = scriptScopeOfEveryAccount();
  const person = { ...viewer, isAdmin: true, scope: ALL_ACCOUNTS };
  const db = await getPrisma();
  const conversations = await replyableConversations(client);
  const threadQuery = messageListQuerySchema.parse({});

  // Send → stored and in the thread: the POST's work and the thread's refetch, one after the other.
  const enqueue: number[] = [];
  const toThread: number[] = [];
  for (let n = 0; n < SENDS; n++) {
    const conversationId = conversations[n % LOCATIONS]!;
    const started = performance.now();
    await createReply(await getPrisma(), person, conversationId, {
      clientKey: `bench-send-${n}`,
      channel: "sms",
      text: `Reply ${n}`,
    });
    enqueue.push(performance.now() - started);
    await listMessages(db, ALL_ACCOUNTS, conversationId, threadQuery);
    toThread.push(performance.now() - started);
  }
  enqueue.sort((a, b) => a - b);
  toThread.sort((a, b) => a - b);
  log(`  ${SENDS} replies stored and queued`);

  // The queue drains them: two workers, as two processes would (each with its own loops).
  const workers = [new JobWorker(JOB_DEFINITIONS), new JobWorker(JOB_DEFINITIONS)];
  const started = performance.now();
  for (const worker of workers) worker.start();
  for (;;) {
    const { rows } = await client.query<{ left: number }>(
      `SELECT count(*)::int AS left FROM replies WHERE state = 'sending'`,
    );
    if (rows[0]!.left === 0) break;
    if (performance.now() - started > 300_000) throw new Error(`${rows[0]!.left} sends still waiting after 300 s`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const drained = (performance.now() - started) / 1000;
  await Promise.all(workers.map((worker) => worker.stop()));
  const { rows: states } = await client.query<{ state: string; count: number }>(
    `SELECT state, count(*)::int AS count FROM replies GROUP BY state ORDER BY state`,
  );
  await standIn.close();

  // Each location may send LIMIT per WINDOW_S: its last batch cannot start before this.
  const perLocation = SENDS / LOCATIONS;
  const minimum = (Math.ceil(perLocation / LIMIT) - 1) * WINDOW_S;
  // The queue keeps a slightly longer window than HighLevel's (late arrivals never make a 101st).
  const queueMinimum = (Math.ceil(perLocation / LIMIT) - 1) * (WINDOW_S + HIGHLEVEL_WINDOW_MARGIN_MS / 1000);
  const ms = (value: number) => `${value.toFixed(1)} ms`;
  const sent = states.find((row) => row.state === "sent")?.count ?? 0;
  const byState = states.map((row) => `${row.state} ${row.count}`).join(", ");
  const rows = [
    {
      figure: "Send → in the thread's next read (the bubble is drawn optimistically before it), p50 / p95",
      value: `${ms(percentile(toThread, 50))} / ${ms(percentile(toThread, 95))}`,
      target: `p95 < ${TARGET_MS} ms`,
      met: percentile(toThread, 95) < TARGET_MS,
    },
    {
      figure: "enqueue: Send → stored and queued (the reply route's work), p50 / p95",
      value: `${ms(percentile(enqueue, 50))} / ${ms(percentile(enqueue, 95))}`,
      target: `p95 < ${TARGET_MS} ms`,
      met: percentile(enqueue, 95) < TARGET_MS,
    },
    {
      figure: `${SENDS} queued sends over ${LOCATIONS} locations, stand-in allowing ${LIMIT} per ${WINDOW_S} s each: all handed over in`,
      value: `${drained.toFixed(1)} s`,
      target: `none fixed; HighLevel's minimum is ${minimum} s, the queue's ${queueMinimum} s`,
      met: null,
    },
    {
      figure: "429s received from the stand-in",
      value: String(standIn.rateLimited),
      target: "0",
      met: standIn.rateLimited === 0,
    },
    {
      figure: "sends accepted by the stand-in / replies sent (each exactly once)",
      value: `${standIn.accepted} / ${sent} (${byState})`,
      target: `${SENDS} / ${SENDS}`,
      met: standIn.accepted === SENDS && sent === SENDS,
    },
  ];
  return {
    rows,
    lines: rows.map(
      (row) =>
        `${row.figure}: ${row.value} (target ${row.target}${row.met === null ? "" : `: ${row.met ? "met" : "MISSED"}`})`,
    ),
  };
}

/** The send path's table for docs/benchmark-results.md. */
export function sendsSection(figures: SendFigures): string[] {
  return [
    "## Sends (issue #27): one at a time through createReply, then two job workers against the rate-limited stand-in",
    "",
    "| figure | value | target | |",
    "| --- | ---: | --- | --- |",
    ...figures.rows.map(
      (row) =>
        `| ${row.figure} | ${row.value} | ${row.target} | ${row.met === null ? "" : row.met ? "met" : "**MISSED**"} |`,
    ),
  ];
}

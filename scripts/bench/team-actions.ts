import type pg from "pg";
import { scriptScopeOfEveryAccount } from "@/lib/access/script-scope";
import { getPrisma } from "@/lib/db";
import { assignConversation } from "@/lib/team/assign";
import { createBulkAction } from "@/lib/bulk-actions/create";
import { undoBulkAction } from "@/lib/bulk-actions/undo";
import { setConversationLabel } from "@/lib/team/conversation-labels";
import { addNote } from "@/lib/team/notes";
import { snoozeConversation, unsnoozeConversation } from "@/lib/team/snooze";
import { markDone, reopen } from "@/lib/triage/done";
import { markReadFor, markUnreadFor } from "@/lib/triage/read-state";
import { percentile } from "./time-cases";

const ALL_ACCOUNTS = scriptScopeOfEveryAccount();

// Issue #24's benchmark: each team action's server time (the function a route calls, on the loaded
// database), p50/p95 over RUNS conversations picked across the data set; and bulk actions on
// 10,000 conversations with their Undo. Printed, not asserted (docs/benchmarks.md).

const RUNS = 100;
const BULK_SIZE = 10_000;
const BULK_RUNS = 3;
const BENCH_USER = { id: "bench-team-user", name: "Bench Person", email: "bench-team@threadline.local" };

export interface TeamFigure {
  name: string;
  p50: number;
  p95: number;
  runs: number;
}

async function time(runs: number, action: (run: number) => Promise<unknown>): Promise<number[]> {
  const times: number[] = [];
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    await action(run);
    times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b);
}

const figure = (name: string, sorted: number[]): TeamFigure => ({
  name,
  p50: percentile(sorted, 50),
  p95: percentile(sorted, 95),
  runs: sorted.length,
});

export async function measureTeamActions(client: pg.Client): Promise<TeamFigure[]> {
  await client.query(
    `INSERT INTO users (id, name, email, is_admin) VALUES ($1, $2, $3, true) ON CONFLICT (id) DO NOTHING`,
    [BENCH_USER.id, BENCH_USER.name, BENCH_USER.email],
  );
  const { rows } = await client.query<{ id: string; account_id: string }>(
    `SELECT id, account_id FROM conversations WHERE last_message_at IS NOT NULL ORDER BY md5(id) LIMIT $1`,
    [BULK_SIZE + RUNS],
  );
  const singles = rows.slice(0, RUNS);
  const bulkIds = rows.slice(RUNS).map((row) => row.id);
  const labels = new Map<string, string>();
  for (const accountId of new Set(singles.map((row) => row.account_id))) {
    const id = `bench-label-${accountId}`;
    await client.query(
      `INSERT INTO labels (id, account_id, name, color) VALUES ($1, $2, 'Bench', 'blue') ON CONFLICT DO NOTHING`,
      [id, accountId],
    );
    labels.set(accountId, id);
  }
  const actor = { userId: BENCH_USER.id, name: BENCH_USER.name };
  const person = {
    kind: "user" as const,
    userId: BENCH_USER.id,
    email: BENCH_USER.email,
    name: BENCH_USER.name,
    isAdmin: true,
    scope: ALL_ACCOUNTS,
  };
  const at = (run: number) => singles[run % singles.length]!;
  const tomorrow = new Date(Date.now() + 86_400_000);
  const figures: TeamFigure[] = [];
  const db = await getPrisma();
  const single = async (name: string, action: (row: { id: string; account_id: string }) => Promise<unknown>) =>
    figures.push(figure(name, await time(RUNS, (run) => action(at(run)))));

  await single("assign", (row) => assignConversation(db, row.id, ALL_ACCOUNTS, actor, BENCH_USER.id));
  await single("unassign", (row) => assignConversation(db, row.id, ALL_ACCOUNTS, actor, null));
  await single("snooze", (row) => snoozeConversation(db, row.id, ALL_ACCOUNTS, actor, tomorrow));
  await single("unsnooze", (row) => unsnoozeConversation(db, row.id, ALL_ACCOUNTS, actor));
  await single("label", (row) =>
    setConversationLabel(db, row.id, ALL_ACCOUNTS, actor, labels.get(row.account_id)!, true),
  );
  await single("unlabel", (row) =>
    setConversationLabel(db, row.id, ALL_ACCOUNTS, actor, labels.get(row.account_id)!, false),
  );
  await single("done", (row) => markDone(db, ALL_ACCOUNTS, row.id, actor));
  await single("reopen", (row) => reopen(db, ALL_ACCOUNTS, row.id, actor));
  await single("mark read", (row) => markReadFor(db, ALL_ACCOUNTS, BENCH_USER.id, row.id));
  await single("mark unread", (row) => markUnreadFor(db, ALL_ACCOUNTS, BENCH_USER.id, row.id));
  await single("internal note", (row) =>
    addNote(db, row.id, ALL_ACCOUNTS, actor, { text: "Bench note", mentions: [] }),
  );

  const bulk = async (name: string, action: Parameters<typeof createBulkAction>[1]["action"]) => {
    const applied: number[] = [];
    const undone: number[] = [];
    for (let run = 0; run < BULK_RUNS; run++) {
      let id = "";
      applied.push(
        ...(await time(1, async () => {
          id = (await createBulkAction(person, { target: { ids: bulkIds }, action })).id;
        })),
      );
      undone.push(...(await time(1, () => undoBulkAction(person, id))));
    }
    figures.push(
      figure(
        `bulk ${name}: ${BULK_SIZE.toLocaleString("en-US")} conversations`,
        applied.sort((a, b) => a - b),
      ),
    );
    figures.push(
      figure(
        `bulk ${name} undo`,
        undone.sort((a, b) => a - b),
      ),
    );
  };
  await bulk("done", { kind: "done" });
  await bulk("assign", { kind: "assign", assigneeId: BENCH_USER.id });
  await bulk("snooze", { kind: "snooze", until: tomorrow });
  await bulk("unread", { kind: "unread" });
  return figures;
}

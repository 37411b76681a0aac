import path from "node:path";
import { defineConfig } from "vitest/config";

// Every test file gets a database of its own, copied from one migrated template per run
// (lib/testing/global-setup.ts): in memory on PGlite, or a database of its own on the PostgreSQL of
// DATABASE_URL. So files run in parallel on both.
//
// Projects: `unit` (every unit and route test), `embedded` (below) and `fuzz` (the signed webhook fuzz, ≥ 10,000
// cases per endpoint, minutes long, and the write-route fuzz, 10,000 mutated requests to the
// authenticated routes). `vitest run` runs both; the test script runs `fuzz` once per run, on
// PostgreSQL when one is configured (see README, "Tests").
const FUZZ = ["lib/ingest/webhook-fuzz.test.ts", "app/api/write-routes-fuzz.test.ts"];

// With PostgreSQL configured (CI), every unit and route test runs on it, the production target.
// The embedded database (project `embedded`) runs again only what can differ between the two: the
// migrations and schema, the list, search and view queries, the worker's and the job queue's
// transactions and claims, ingestion and its hostile input, the set-based team and bulk actions,
// the send queue, and the webhook route storing deliveries. PGlite is the same PostgreSQL compiled
// to WebAssembly with one connection, so what differs is SQL the two builds may not share
// (extensions, migrations, plans over our indexes) and concurrency on a single connection.
// Everything else runs once, on PostgreSQL: tests with no database at all; scenario tests whose
// subject is not the database (the demo, which e2e/06 runs on PGlite as a new user starts it;
// consent, drafts, send later, replying elsewhere, transcripts, mail, media, profiles, access);
// the outage test, whose PGlite is served over a socket only so it can be cut (the embedded
// database is in-process: it has no network to lose). A new test file whose result can depend on
// the database kind goes here.
const EMBEDDED = [
  // Migrations, the schema and the data they backfill.
  "lib/db/schema.test.ts",
  "lib/db/schema-replies.test.ts",
  "lib/db/schema-consent.test.ts",
  "lib/db/provider-rename.test.ts",
  "lib/db/data-folder-lock.test.ts",
  "lib/triage/backfill.test.ts",
  // The list, search and views: raw SQL over full-text and trigram indexes.
  "lib/inbox/conversation-search.test.ts",
  "lib/inbox/search-where.test.ts",
  "lib/inbox/saved-views.test.ts",
  "lib/inbox/scoped-finders.test.ts",
  // Claims and transactions: the job queue and the ingestion worker.
  "lib/jobs/queue.test.ts",
  "lib/jobs/recurring.test.ts",
  "lib/jobs/retention.test.ts",
  "lib/ingest/worker.test.ts",
  "lib/ingest/batch.test.ts",
  "lib/ingest/delivery-rules.test.ts",
  "lib/ingest/hostile-input.test.ts",
  "lib/ingest/out-of-range-numbers.test.ts",
  "lib/ingest/deleted-account.test.ts",
  "app/api/webhooks/highlevel/route.test.ts",
  // Team actions, bulk actions (set-based) and the send queue.
  "lib/team/snooze.test.ts",
  "lib/team/labels.test.ts",
  "lib/team/assign-and-notes.test.ts",
  "lib/bulk-actions/bulk.test.ts",
  "lib/replies/send.test.ts",
];

export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname) } },
  test: {
    environment: "node",
    globalSetup: ["lib/testing/global-setup.ts"],
    setupFiles: ["lib/testing/setup.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: "forks",
    // A worker runs its files one after another in one process and imports Next, Prisma and
    // Better Auth once, not once per file (that import was most of a file's cost). Each file still
    // gets its own database and the environment the worker started with (lib/testing/setup.ts).
    isolate: false,
    // Vitest's default is one worker fewer than the cores: one worker on a 2-core machine. Each
    // file has its own database, so use both cores (VITEST_MAX_WORKERS overrides).
    maxWorkers: Number(process.env.VITEST_MAX_WORKERS ?? 2),
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["lib/**/*.test.ts", "app/**/*.test.ts", "scripts/**/*.test.ts", "proxy.test.ts"],
          exclude: FUZZ,
        },
      },
      {
        extends: true,
        test: {
          name: "embedded",
          include: EMBEDDED,
        },
      },
      { extends: true, test: { name: "fuzz", include: FUZZ } },
    ],
  },
});

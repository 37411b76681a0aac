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

// With PostgreSQL configured (CI), every unit and route test runs on it, the production target;
// on the embedded database (project `embedded`) runs what can differ between the two: the data
// layer under lib/ (queries and search, transactions, the job queue, ingestion, team actions,
// replies) and the webhook route storing deliveries. Route tests check HTTP contracts over those
// same functions (and sign-in, mail, media fetching, input validation), so they run once; the
// browser suite's @db specs run the list, search and live updates on the embedded database too.
const EMBEDDED_ROUTE_TESTS = ["app/api/webhooks/highlevel/route.test.ts"];
// Scenario tests under lib/ whose subject is not the database: who may send (access, token
// scopes), what HighLevel answers and how it is shown (outcomes, senders, audit, WhatsApp window),
// the HighLevel assignment sync, mention mail, presence, and two workers sharing the rate limit
// (one connection on PGlite cannot show that). Their queries are the ones the kept tests run on
// PGlite (send, drafts, send later, consent, snooze, assign and notes, bulk, jobs, ingestion).
const POSTGRES_ONLY = [
  "lib/replies/send-rate-limit.test.ts",
  "lib/replies/outcomes.test.ts",
  "lib/replies/access.test.ts",
  "lib/replies/token-scopes.test.ts",
  "lib/replies/send-audit.test.ts",
  "lib/replies/whatsapp-window.test.ts",
  "lib/senders/senders.test.ts",
  "lib/team/highlevel-sync/outbound.test.ts",
  "lib/team/highlevel-sync/inbound.test.ts",
  "lib/team/mention-mail.test.ts",
  "lib/team/presence.test.ts",
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
          include: ["lib/**/*.test.ts", "scripts/**/*.test.ts", ...EMBEDDED_ROUTE_TESTS],
          exclude: [...FUZZ, ...POSTGRES_ONLY],
        },
      },
      { extends: true, test: { name: "fuzz", include: FUZZ } },
    ],
  },
});

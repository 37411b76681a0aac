import { randomBytes } from "node:crypto";
import { afterAll, inject } from "vitest";
import { closeDatabase } from "@/lib/db";
import { installTestSigningKeys } from "./signing";
import { resetProcessState } from "./process-state";
import { dropDatabase } from "@/lib/db/maintenance";
import { cloneTemplate } from "./template-database";

// Runs before every test file. Vitest runs a worker's files one after another in one process
// (isolate: false, vitest.config.ts), so each file first gets back the environment the worker
// started with (a file that set SMTP_URL or a limit must not hand it to the next one) and its own
// database, copied from the run's migrated template (global-setup.ts): on PostgreSQL a database of
// its own, so files run in parallel there too; on PGlite an in-memory database loaded from the
// template's data directory.
const worker = globalThis as unknown as { threadlineStartEnv?: NodeJS.ProcessEnv };
if (!worker.threadlineStartEnv) {
  process.env.THREADLINE_QUIET_LOGS ??= "1";
  installTestSigningKeys();
  worker.threadlineStartEnv = { ...process.env };
}
const startEnv = worker.threadlineStartEnv;
for (const key of Object.keys(process.env)) if (!(key in startEnv)) delete process.env[key];
Object.assign(process.env, startEnv);

await resetProcessState();

const configuredUrl = process.env.DATABASE_URL;
const postgresTemplate = inject("postgresTemplate");
let ownDatabase: string | null = null;
if (configuredUrl && postgresTemplate) {
  ownDatabase = `${postgresTemplate.replace(/_template$/, "")}_f${process.pid}_${randomBytes(3).toString("hex")}`;
  process.env.DATABASE_URL = await cloneTemplate(configuredUrl, postgresTemplate, ownDatabase);
} else {
  process.env.PGLITE_DATA_DIR ??= "memory://";
  const pgliteTemplate = inject("pgliteTemplate");
  if (pgliteTemplate) process.env.PGLITE_TEMPLATE_FILE = pgliteTemplate;
}

afterAll(async () => {
  await closeDatabase();
  if (configuredUrl && ownDatabase) await dropDatabase(configuredUrl, ownDatabase);
});

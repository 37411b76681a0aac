import { randomBytes } from "node:crypto";
import { afterAll, inject } from "vitest";
import { closeDatabase } from "@/lib/db";
import { installTestSigningKeys } from "./signing";
import { dropDatabase } from "@/lib/db/maintenance";
import { cloneTemplate } from "./template-database";

process.env.THREADLINE_QUIET_LOGS ??= "1";
installTestSigningKeys();

// This file's own database, copied from the run's migrated template (global-setup.ts): on
// PostgreSQL a database of its own, so files run in parallel there too; on PGlite an in-memory
// database loaded from the template's data directory.
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

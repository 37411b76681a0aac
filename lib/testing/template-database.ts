import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { databaseUrlFor, recreateDatabase, withMaintenance } from "@/lib/db/maintenance";
import { applyMigrations, pgliteSession, postgresSession } from "@/lib/db/migrations";

// Every test file gets a database of its own. Running initdb and every migration per file cost
// ~4.4 s each on PGlite (and forced PostgreSQL files to share one database, one at a time), so the
// suite migrates ONE template per run and each file starts from a copy of it: PGlite loads a dump
// of the template's data directory (~0.5 s), PostgreSQL clones it with CREATE DATABASE … TEMPLATE.

/** Migrates a fresh embedded database and writes a dump of its data directory; returns the file. */
export async function buildPgliteTemplate(): Promise<string> {
  const pglite = new PGlite("memory://");
  try {
    await applyMigrations(pgliteSession(pglite), { useAdvisoryLock: false });
    const dump = await pglite.dumpDataDir("none");
    const folder = path.join(os.tmpdir(), `threadline-vitest-${process.pid}`);
    mkdirSync(folder, { recursive: true });
    const file = path.join(folder, "template.tar");
    writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
    return file;
  } finally {
    await pglite.close();
  }
}

/** (Re)creates `<configured database>_template` on the configured server, migrated. Returns its name. */
export async function buildPostgresTemplate(databaseUrl: string): Promise<string> {
  const name = `${new URL(databaseUrl).pathname.slice(1)}_template`;
  await recreateDatabase(databaseUrl, name);
  const client = new pg.Client({ connectionString: databaseUrlFor(databaseUrl, name) });
  await client.connect();
  try {
    await applyMigrations(postgresSession(client), { useAdvisoryLock: false });
  } finally {
    await client.end();
  }
  return name;
}

// Two files cloning the template at the same moment can meet PostgreSQL's "source database is
// being accessed by other users" (SQLSTATE 55006) while the other's copy holds it: take turns.
const OBJECT_IN_USE = "55006";

/** A new database cloned from the template; the caller drops it with dropDatabase. */
export async function cloneTemplate(databaseUrl: string, template: string, name: string): Promise<string> {
  await withMaintenance(databaseUrl, async (admin) => {
    for (let attempt = 1; ; attempt++) {
      try {
        await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`);
        return;
      } catch (error) {
        if ((error as { code?: string }).code !== OBJECT_IN_USE || attempt >= 50) throw error;
        await new Promise((resolve) => setTimeout(resolve, 50 * attempt));
      }
    }
  });
  return databaseUrlFor(databaseUrl, name);
}

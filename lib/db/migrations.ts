import { createHash, randomUUID } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";

/** The least a database must offer the runner: run a script, run a parameterised query. */
export interface SqlSession {
  exec(sql: string): Promise<void>;
  query<Row>(sql: string, params?: unknown[]): Promise<Row[]>;
}

/** A session over a node-postgres client (the app's PostgreSQL start-up and the test template). */
export function postgresSession(client: {
  query(sql: string, params?: unknown[]): Promise<{ rows: unknown[] }>;
}): SqlSession {
  return {
    exec: async (sql) => void (await client.query(sql)),
    query: async <Row>(sql: string, params?: unknown[]) => (await client.query(sql, params)).rows as Row[],
  };
}

/** A session over PGlite: `exec` runs several statements (a migration file), `query` one with parameters. */
export function pgliteSession(pglite: {
  exec(sql: string): Promise<unknown>;
  query<Row>(sql: string, params?: unknown[]): Promise<{ rows: Row[] }>;
}): SqlSession {
  return {
    exec: async (sql) => void (await pglite.exec(sql)),
    query: async <Row>(sql: string, params?: unknown[]) => (await pglite.query<Row>(sql, params)).rows,
  };
}

export interface MigrationFile {
  name: string;
  sql: string;
  checksum: string;
}

// Same table and columns `prisma migrate deploy` keeps, so either tool can take over.
const CREATE_MIGRATIONS_TABLE = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum" VARCHAR(64) NOT NULL,
  "finished_at" TIMESTAMPTZ,
  "migration_name" VARCHAR(255) NOT NULL,
  "logs" TEXT,
  "rolled_back_at" TIMESTAMPTZ,
  "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

// Arbitrary constant: serialises runners of several app instances on one PostgreSQL.
const MIGRATION_LOCK_KEY = 72_707_341;

export function migrationsFolder(): string {
  return path.join(process.cwd(), "prisma", "migrations");
}

export async function readMigrations(folder = migrationsFolder()): Promise<MigrationFile[]> {
  const entries = await readdir(/*turbopackIgnore: true*/ folder, { withFileTypes: true });
  const names = entries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  return Promise.all(
    names.map(async (name) => {
      const sql = await readFile(/*turbopackIgnore: true*/ path.join(folder, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    }),
  );
}

/** Applies every migration not yet recorded; returns the names applied. */
export async function applyMigrations(session: SqlSession, options: { useAdvisoryLock: boolean }): Promise<string[]> {
  const migrations = await readMigrations();
  await session.exec(CREATE_MIGRATIONS_TABLE);
  if (options.useAdvisoryLock) await session.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK_KEY]);
  try {
    const done = await session.query<{ migration_name: string; checksum: string }>(
      `SELECT migration_name, checksum FROM "_prisma_migrations"
       WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
    );
    const applied = new Map(done.map((row) => [row.migration_name, row.checksum]));
    const ran: string[] = [];
    for (const migration of migrations) {
      const recorded = applied.get(migration.name);
      if (recorded !== undefined) {
        if (recorded !== migration.checksum) {
          console.warn(`[migrate] ${migration.name} was edited after it was applied`);
        }
        continue;
      }
      const id = randomUUID();
      await session.query(
        `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at) VALUES ($1, $2, $3, now())`,
        [id, migration.checksum, migration.name],
      );
      try {
        await session.exec(`BEGIN;\n${migration.sql}\nCOMMIT;`);
      } catch (error) {
        await session.exec("ROLLBACK").catch(() => undefined);
        throw new Error(`Migration ${migration.name} failed: ${(error as Error).message}`);
      }
      await session.query(
        `UPDATE "_prisma_migrations" SET finished_at = now(), applied_steps_count = 1 WHERE id = $1`,
        [id],
      );
      ran.push(migration.name);
    }
    return ran;
  } finally {
    if (options.useAdvisoryLock) await session.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK_KEY]);
  }
}

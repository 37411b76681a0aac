import { mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { applyMigrations, pgliteSession, postgresSession } from "./migrations";
import { claimDataFolder } from "./data-folder-lock";
import { registerPool } from "./prepared";

export type DatabaseKind = "postgres" | "pglite";

export interface Database {
  kind: DatabaseKind;
  prisma: PrismaClient;
  /**
   * PostgreSQL only: the pool under Prisma (the same connections), for the webhook ack's one
   * INSERT, where Prisma's query interpretation cost ~0.1 ms of CPU per request.
   */
  pool?: pg.Pool;
  close(): Promise<void>;
}

export function pgliteDataFolder(): string {
  return process.env.PGLITE_DATA_DIR ?? path.join(process.cwd(), ".data", "pglite");
}

async function connectPostgres(connectionString: string): Promise<Database> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    await applyMigrations(postgresSession(client), { useAdvisoryLock: true });
  } finally {
    await client.end();
  }
  const max = Number(process.env.DATABASE_POOL_MAX ?? 10);
  const pool = new pg.Pool({ connectionString, max, connectionTimeoutMillis: 5_000 });
  const adapter = new PrismaPg(pool, { disposeExternalPool: true });
  // The benchmark reads the SQL Prisma sends, to EXPLAIN it.
  const prisma =
    process.env.THREADLINE_QUERY_EVENTS === "1"
      ? new PrismaClient({ adapter, log: [{ emit: "event", level: "query" }] })
      : new PrismaClient({ adapter });
  registerPool(prisma, pool);
  return { kind: "postgres", prisma, pool, close: () => prisma.$disconnect() };
}

async function connectPglite(folder: string): Promise<Database> {
  const inMemory = folder.startsWith("memory://");
  if (!inMemory) {
    mkdirSync(folder, { recursive: true });
    claimDataFolder(folder);
  }
  // A throw-away database may start from a dump of a migrated one (the test suite's template,
  // lib/testing/template-database.ts) instead of running initdb and every migration again.
  const template = inMemory ? process.env.PGLITE_TEMPLATE_FILE : undefined;
  const pglite = template ? new PGlite({ loadDataDir: new Blob([readFileSync(template)]) }) : new PGlite(folder);
  await pglite.waitReady;
  await applyMigrations(pgliteSession(pglite), { useAdvisoryLock: false });
  const prisma = new PrismaClient({ adapter: new PrismaPGlite(pglite) });
  return {
    kind: "pglite",
    prisma,
    close: async () => {
      await prisma.$disconnect();
      await pglite.close();
    },
  };
}

/** Opens the configured database and brings its schema up to date. */
export function connectDatabase(): Promise<Database> {
  const url = process.env.DATABASE_URL;
  return url ? connectPostgres(url) : connectPglite(pgliteDataFolder());
}

import type { PrismaClient } from "@/lib/generated/prisma/client";
import { connectDatabase, type Database } from "./connect";
import { stopRelay } from "@/lib/live/postgres-relay";

// One database per process, kept on globalThis so that Next's dev reloads and its separate
// route bundles share it (PGlite must never be opened twice).
const globalForDb = globalThis as unknown as { threadlineDatabase?: Promise<Database> };

export function getDatabase(): Promise<Database> {
  if (!globalForDb.threadlineDatabase) {
    const opening = connectDatabase();
    globalForDb.threadlineDatabase = opening;
    // A failed open (database down at start) must not stick: the next request tries again.
    opening.catch(() => {
      if (globalForDb.threadlineDatabase === opening) globalForDb.threadlineDatabase = undefined;
    });
  }
  return globalForDb.threadlineDatabase;
}

export async function getPrisma(): Promise<PrismaClient> {
  return (await getDatabase()).prisma;
}

export async function closeDatabase(): Promise<void> {
  const open = globalForDb.threadlineDatabase;
  globalForDb.threadlineDatabase = undefined;
  await stopRelay();
  if (open) await (await open).close();
}

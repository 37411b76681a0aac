import { execSync } from "node:child_process";
import pg from "pg";

// What a bench run records about itself and its database: the commit measured (and whether the
// product's code had uncommitted changes), the database created when absent, its current size.

/** How many messages the bench database holds now (BENCH_ONLY=search reuses a loaded data set). */
export async function loadedMessages(client: pg.Client): Promise<number> {
  return (await client.query<{ n: number }>("SELECT count(*)::int AS n FROM messages")).rows[0]!.n;
}

export async function ensureDatabase(databaseUrl: string) {
  const url = new URL(databaseUrl);
  const name = url.pathname.slice(1);
  url.pathname = "/postgres";
  const admin = new pg.Client({ connectionString: url.toString() });
  await admin.connect();
  const exists = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
  if (exists.rowCount === 0) await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
}

export function commit(): string {
  try {
    const head = execSync("git rev-parse --short HEAD", { stdio: ["ignore", "pipe", "ignore"] })
      .toString()
      .trim();
    const dirty = execSync(
      "git status --porcelain --untracked-files=no -- app lib components proxy.ts instrumentation.ts next.config.ts",
      { stdio: ["ignore", "pipe", "ignore"] },
    )
      .toString()
      .trim();
    return dirty ? `${head} with uncommitted changes` : head;
  } catch {
    return process.env.BENCH_COMMIT ?? "unknown";
  }
}

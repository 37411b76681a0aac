import { createHash } from "node:crypto";
import type pg from "pg";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Db } from "./client";

// PostgreSQL plans every statement Prisma sends anew: they go as unnamed statements. A read whose
// SQL text repeats and whose best plan does not depend on its values (rows by id: a list page's
// summary columns, ten correlated subqueries) goes here as a named statement on its pooled
// connection instead: after five runs PostgreSQL keeps a generic plan and stops planning it
// (0.94 ms of planning per run at 1M messages, 0.02 ms generic; docs/benchmarks.md, #28).

const pools = new WeakMap<object, pg.Pool>();

/** `client` (the process's Prisma client) runs on `pool`: its reads may use named statements. */
export function registerPool(client: object, pool: pg.Pool): void {
  pools.set(client, pool);
}

/** Statement names by SQL text: one name per distinct text, the same on every connection. */
const names = new Map<string, string>();
const NAMES_KEPT = 1_000;

function statementName(text: string): string {
  let name = names.get(text);
  if (!name) {
    name = `tl_${createHash("sha1").update(text).digest("hex").slice(0, 24)}`;
    if (names.size >= NAMES_KEPT) names.clear();
    names.set(text, name);
  }
  return name;
}

/**
 * The rows of `query`, through a named statement where `db` is a pooled PostgreSQL client; on the
 * embedded database or in a transaction (whose client is another object) through Prisma as usual.
 */
export async function preparedRows<T>(db: Db, query: Prisma.Sql): Promise<T[]> {
  const pool = pools.get(db);
  if (!pool) return db.$queryRaw<T[]>(query);
  const { rows } = await pool.query<T & pg.QueryResultRow>({
    name: statementName(query.text),
    text: query.text,
    values: query.values,
  });
  return rows;
}

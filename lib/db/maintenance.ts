import pg from "pg";

// CREATE/DROP DATABASE beside a configured PostgreSQL database, through the server's maintenance
// database: the test suite's per-file databases and the browser suite's fresh one share these.

export function databaseUrlFor(databaseUrl: string, name: string): string {
  const url = new URL(databaseUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function withMaintenance<T>(databaseUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: databaseUrlFor(databaseUrl, "postgres") });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export async function dropDatabase(databaseUrl: string, name: string): Promise<void> {
  await withMaintenance(databaseUrl, (admin) => admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
}

/** Drops the named database (closing its connections) and creates it empty. */
export async function recreateDatabase(databaseUrl: string, name: string): Promise<void> {
  await withMaintenance(databaseUrl, async (admin) => {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE "${name}"`);
  });
}

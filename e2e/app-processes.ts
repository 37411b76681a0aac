import { spawn, type ChildProcess } from "node:child_process";
import { rmSync } from "node:fs";
import pg from "pg";
import { testSigningKeys } from "../lib/testing/signing";
import { signatureHeaders } from "../lib/providers/sign";

// Separate Threadline processes for the fault specs: the built app (`next start`, the same build
// the suite runs against) and `npm run worker`, on a database of their own that the spec can
// kill them over, restart them on and inspect.

export type TestDatabase = { kind: "postgres"; url: string } | { kind: "pglite"; folder: string };

/** A fresh database: on CI's PostgreSQL beside the suite's own, else an embedded folder. */
export async function freshDatabase(name: string): Promise<TestDatabase> {
  const suiteUrl = process.env.E2E_DATABASE_URL;
  if (!suiteUrl) {
    const folder = `.data/${name}`;
    rmSync(folder, { recursive: true, force: true });
    return { kind: "pglite", folder };
  }
  const admin = new pg.Client({ connectionString: suiteUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(suiteUrl);
  url.pathname = `/${name}`;
  return { kind: "postgres", url: url.toString() };
}

function databaseEnv(database: TestDatabase): Record<string, string> {
  return database.kind === "postgres" ? { DATABASE_URL: database.url } : { PGLITE_DATA_DIR: database.folder };
}

export const FAULT_ADMIN = {
  email: "faults@threadline.test",
  password: `faults-${Date.now()}-${Math.random().toString(36).slice(2)}`,
};

export interface AppProcess {
  child: ChildProcess;
  url: string;
}

const baseEnv = (database: TestDatabase, extra: Record<string, string>) => {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...databaseEnv(database),
    THREADLINE_DEMO: "off",
    THREADLINE_QUIET_LOGS: "1",
    NEXT_TELEMETRY_DISABLED: "1",
    THREADLINE_ADMIN_EMAIL: FAULT_ADMIN.email,
    THREADLINE_ADMIN_PASSWORD: FAULT_ADMIN.password,
    ...extra,
  };
  if (database.kind === "pglite") delete env.DATABASE_URL;
  return env;
};

export async function startApp(
  database: TestDatabase,
  port: number,
  extra: Record<string, string> = {},
): Promise<AppProcess> {
  const child = spawn("node", ["node_modules/next/dist/bin/next", "start", "-H", "127.0.0.1", "-p", String(port)], {
    env: baseEnv(database, extra),
    stdio: ["ignore", "ignore", "inherit"],
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`next start exited with ${child.exitCode}`);
    if (
      await fetch(`${url}/api/health`).then(
        (r) => r.ok,
        () => false,
      )
    )
      return { child, url };
    if (Date.now() > deadline) throw new Error(`${url} did not come up`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

export function startWorker(database: TestDatabase, extra: Record<string, string> = {}): ChildProcess {
  // node itself (not npx/tsx wrappers, which do not pass SIGTERM on): stopping it stops the worker.
  return spawn("node", ["--import", "tsx", "scripts/worker.ts"], {
    env: baseEnv(database, extra),
    stdio: ["ignore", "ignore", "inherit"],
  });
}

export function stopProcess(child: ChildProcess, signal: NodeJS.Signals = "SIGTERM"): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once("exit", () => resolve());
    child.kill(signal);
  });
}

/** A unique HighLevel SMS; `n` spreads them over accounts and conversations. */
export function smsEvent(run: string, n: number) {
  return {
    type: "InboundMessage",
    locationId: `loc-${run}-${n % 5}`,
    contactId: `c-${run}-${n % 40}`,
    conversationId: `conv-${run}-${n % 40}`,
    messageType: "SMS",
    direction: "inbound",
    body: `fault test ${run} #${n}`,
    messageId: `msg-${run}-${n}`,
    dateAdded: new Date(Date.UTC(2025, 8, 1) + n * 1000).toISOString(),
  };
}

export interface Delivery {
  status: number;
  answer: string;
  eventId?: string;
}

/** Posts one signed delivery; a refused connection is status 0 (not acknowledged). */
export async function deliver(url: string, payload: Record<string, unknown>): Promise<Delivery> {
  const body = JSON.stringify(payload);
  try {
    const response = await fetch(`${url}/api/webhooks/highlevel`, {
      method: "POST",
      body,
      headers: { "content-type": "application/json", ...signatureHeaders("highlevel", body, testSigningKeys()) },
    });
    const answer = (await response.json()) as { status?: string; eventId?: string; error?: string };
    return { status: response.status, answer: answer.status ?? answer.error ?? "?", eventId: answer.eventId };
  } catch {
    return { status: 0, answer: "connection failed" };
  }
}

/** Signs in as the fault specs' administrator and polls the event log until nothing is waiting. */
export async function waitForEmptyBacklog(url: string, timeoutMs: number): Promise<number> {
  const signIn = await fetch(`${url}/api/auth/sign-in/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: url },
    body: JSON.stringify(FAULT_ADMIN),
  });
  if (!signIn.ok) throw new Error(`sign-in failed: ${signIn.status}`);
  const cookie = signIn.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  const started = Date.now();
  for (;;) {
    const summary = (await (await fetch(`${url}/api/events/summary`, { headers: { cookie } })).json()) as {
      backlog: number;
    };
    if (summary.backlog === 0) return Date.now() - started;
    if (Date.now() - started > timeoutMs) throw new Error(`backlog still ${summary.backlog} after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** Runs SQL against the database once no process holds it (PGlite) or at any time (PostgreSQL). */
export async function query<Row>(database: TestDatabase, sql: string, params: unknown[] = []): Promise<Row[]> {
  if (database.kind === "postgres") {
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      return (await client.query(sql, params)).rows as Row[];
    } finally {
      await client.end();
    }
  }
  const { PGlite } = await import("@electric-sql/pglite");
  const db = await PGlite.create(database.folder);
  try {
    return (await db.query<Row>(sql, params)).rows;
  } finally {
    await db.close();
  }
}

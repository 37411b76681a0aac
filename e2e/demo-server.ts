import { spawn, type ChildProcess } from "node:child_process";
import { closeSync, mkdirSync, openSync, rmSync } from "node:fs";
import { stopProcess } from "./app-processes";
import { E2E_PORT } from "./run-paths";

// The demo as a new user starts it (README's first command): `next start` of the suite's build on
// an empty embedded database with the demo on. Started by e2e/06 for its own test, not for the
// whole run: the demo's live activity cost a core ~7 % for the suite's 20 minutes while one spec
// used it.

export const DEMO_PORT = Number(process.env.E2E_DEMO_PORT ?? E2E_PORT + 1);
export const DEMO_URL = `http://127.0.0.1:${DEMO_PORT}`;
export const DEMO_LOG = `.data/e2e-demo-${DEMO_PORT}.log`;
const DEMO_DATA = `.data/e2e-demo-${DEMO_PORT}`;

export interface DemoServer {
  stop(): Promise<void>;
}

/** Starts the demo server, its console (the owner's printed password included) going to DEMO_LOG; resolves once it answers. */
export async function startDemoServer(timeoutMs = 120_000): Promise<DemoServer> {
  mkdirSync(".data", { recursive: true });
  rmSync(DEMO_DATA, { recursive: true, force: true });
  const log = openSync(DEMO_LOG, "w");
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NEXT_TELEMETRY_DISABLED: "1",
    THREADLINE_QUIET_LOGS: "1",
    PGLITE_DATA_DIR: DEMO_DATA,
    PORT: String(DEMO_PORT),
    THREADLINE_DEMO: "on",
  };
  // The suite's database is not the demo's: it starts on an empty embedded one.
  delete env.DATABASE_URL;
  delete env.E2E_DATABASE_URL;
  // node itself, not an npx wrapper, so that stopping it stops the server.
  const child: ChildProcess = spawn(
    "node",
    ["node_modules/next/dist/bin/next", "start", "-H", "127.0.0.1", "-p", String(DEMO_PORT)],
    { env, stdio: ["ignore", log, log] },
  );
  closeSync(log);
  const stop = () => stopProcess(child);
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the demo server exited with ${child.exitCode} (see ${DEMO_LOG})`);
    const up = await fetch(`${DEMO_URL}/api/health`).then(
      (response) => response.ok,
      () => false,
    );
    if (up) return { stop };
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`the demo server did not answer within ${timeoutMs} ms (see ${DEMO_LOG})`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

import { defineConfig, devices } from "@playwright/test";
import { DEMO_PORT, DEMO_URL } from "./e2e/demo-server";

// Drives Debian's Chromium (Playwright cannot download its own here) against the built app:
// `next build` + `next start` on a fresh embedded database, or on E2E_DATABASE_URL in CI.
const PORT = Number(process.env.E2E_PORT ?? 3210);
export const BASE_URL = `http://127.0.0.1:${PORT}`;

const serverEnv: Record<string, string> = {
  NEXT_TELEMETRY_DISABLED: "1",
  THREADLINE_DEMO: "off",
  THREADLINE_QUIET_LOGS: "1",
  // Short-lived live streams, so the suite can watch a dropped connection catch up.
  LIVE_STREAM_MAX_SECONDS: "6",
  PGLITE_DATA_DIR: ".data/e2e",
  ...(process.env.E2E_DATABASE_URL ? { DATABASE_URL: process.env.E2E_DATABASE_URL } : {}),
};
// Servers inherit this process's environment: never let the unit tests' DATABASE_URL leak in
// (the demo server must start on an empty embedded database).
delete process.env.DATABASE_URL;

export default defineConfig({
  testDir: "e2e",
  outputDir: "test-results",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: [["list"]],
  globalSetup: "./e2e/global-setup.ts",
  use: {
    baseURL: BASE_URL,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-quic", "--autoplay-policy=no-user-gesture-required",
      ],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"], viewport: { width: 1400, height: 900 } } }],
  webServer: [
    {
      command: `rm -rf .data/e2e && npx next build && npx next start -H 127.0.0.1 -p ${PORT}`,
      url: `${BASE_URL}/api/conversations?limit=1`,
      timeout: 300_000,
      reuseExistingServer: false,
      env: serverEnv,
      stdout: "ignore",
      stderr: "pipe",
    },
    {
      // The same build, as a new user starts it: empty embedded database, demo on.
      command: `rm -rf .data/e2e-demo && npx next start -H 127.0.0.1 -p ${DEMO_PORT}`,
      url: `${DEMO_URL}/api/conversations?limit=1`,
      timeout: 120_000,
      reuseExistingServer: false,
      env: { NEXT_TELEMETRY_DISABLED: "1", THREADLINE_QUIET_LOGS: "1", PGLITE_DATA_DIR: ".data/e2e-demo", PORT: String(DEMO_PORT), THREADLINE_DEMO: "on", THREADLINE_BASE_URL: DEMO_URL },
      stdout: "ignore",
      stderr: "pipe",
    },
  ],
});

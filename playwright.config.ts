import { defineConfig, devices } from "@playwright/test";
import { ADMIN_EMAIL, ADMIN_PASSWORD, ADMIN_STORAGE_STATE } from "./e2e/auth";
import { HIGHLEVEL_API_URL } from "./e2e/highlevel-api";
import { E2E_PORT, OUTPUT_DIR, specsOfPart } from "./e2e/run-paths";
import { ED25519_KEY_ENV, RSA_KEY_ENV } from "./lib/providers/highlevel/signature";
import { VOXITY_SECRET_ENV } from "./lib/providers/voxity/signature";
import { installTestSigningKeys } from "./lib/testing/signing";

// Drives Debian's Chromium (Playwright cannot download its own here) against the built app:
// `next build` + `next start` on a fresh embedded database, or on E2E_DATABASE_URL in CI.
const PORT = E2E_PORT;
export const BASE_URL = `http://127.0.0.1:${PORT}`;
const specPart = specsOfPart(process.env.E2E_SPECS);

// Key pairs made for this run (inherited by the workers through the environment): the servers
// trust their public halves, the suite signs with the private ones, as HighLevel and Voxity would.
installTestSigningKeys();
const signingEnv = {
  [ED25519_KEY_ENV]: process.env[ED25519_KEY_ENV]!,
  [RSA_KEY_ENV]: process.env[RSA_KEY_ENV]!,
  [VOXITY_SECRET_ENV]: process.env[VOXITY_SECRET_ENV]!,
};

const serverEnv: Record<string, string> = {
  ...signingEnv,
  THREADLINE_ADMIN_EMAIL: ADMIN_EMAIL,
  THREADLINE_ADMIN_PASSWORD: ADMIN_PASSWORD,
  // The suite's recordings live on this same server; media from loopback is otherwise refused.
  MEDIA_FETCH_ALLOW_HOSTS: `127.0.0.1:${PORT}`,
  // Every spec that signs in comes from 127.0.0.1 within a minute or two.
  THREADLINE_SIGN_IN_LIMIT_PER_MINUTE: "50",
  NEXT_TELEMETRY_DISABLED: "1",
  // Nothing seeded, but the demo's recordings served: the fixtures' calls point at them.
  THREADLINE_DEMO: "media",
  THREADLINE_QUIET_LOGS: "1",
  // Short-lived live streams, so the suite can watch a dropped connection catch up.
  LIVE_STREAM_MAX_SECONDS: "6",
  // Transcript fetches every 2 s instead of 15 s: a spec waits for the fetch, not for the timer.
  PGLITE_DATA_DIR: `.data/e2e-${PORT}`,
  // A stand-in for HighLevel's API (e2e/highlevel-api-server.ts): it answers only for locations a
  // spec set up, and 404 for the rest, so a token stored for the fixtures' accounts fails visibly.
  HIGHLEVEL_API_URL,
  ...(process.env.E2E_DATABASE_URL ? { DATABASE_URL: process.env.E2E_DATABASE_URL } : {}),
};
// Servers inherit this process's environment: never let the unit tests' DATABASE_URL leak in
// (the demo server, e2e/demo-server.ts, must start on an empty embedded database).
delete process.env.DATABASE_URL;

export default defineConfig({
  testDir: "e2e",
  outputDir: OUTPUT_DIR,
  // One part of the specs (E2E_SPECS=1/2), or all of them.
  ...(specPart ? { testMatch: specPart } : {}),
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000, // generous: a 2-core CI machine building and serving at once is slow, never hung
  expect: { timeout: 10_000 },
  reporter: [["list"]],
  // Tests that only take pictures run in `npm run screenshots` (SCREENSHOTS=1), never in the suite.
  grepInvert: process.env.SCREENSHOTS === "1" ? undefined : /@screenshots/,
  globalSetup: "./e2e/global-setup.ts",
  use: {
    baseURL: BASE_URL,
    storageState: ADMIN_STORAGE_STATE,
    // A failed test keeps its trace (actions with their times, network, console, sources) for
    // `npx playwright show-trace`; without the screencast and without DOM snapshots, which cost every
    // test CPU on a 2-core machine whether it failed or not (snapshots: ~10 % of the suite's CPU).
    // A failure's page is in its error-context.md (the accessibility tree at the failure).
    trace: { mode: "retain-on-failure", screenshots: false, snapshots: false, sources: true },
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
        "--autoplay-policy=no-user-gesture-required",
      ],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"], viewport: { width: 1400, height: 900 } } }],
  webServer: [
    {
      command: `rm -rf .data/e2e-${PORT} && ${process.env.E2E_SKIP_BUILD ? "true" : "npx next build"} && npx next start -H 127.0.0.1 -p ${PORT}`,
      url: `${BASE_URL}/api/health`,
      timeout: 600_000, // next build on a busy 2-core machine can take over 5 minutes
      reuseExistingServer: false,
      env: serverEnv,
      stdout: "ignore",
      stderr: "pipe",
    },
    {
      // HighLevel's API as the app sees it in this suite (port E2E_PORT + 2).
      command: "exec node --import tsx e2e/highlevel-api-server.ts",
      url: `${HIGHLEVEL_API_URL}/stand-in`,
      timeout: 30_000,
      reuseExistingServer: false,
      stdout: "ignore",
      stderr: "pipe",
    },
  ],
});

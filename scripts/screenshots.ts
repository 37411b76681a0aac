// `npm run screenshots`: takes the pictures the browser specs save (SCREENSHOTS=1) into
// test-results/screenshots, for a person to look at, and refreshes the ones the README shows in
// docs/screenshots. An ordinary `npm test` takes none: pictures are not assertions. Tests that do
// nothing but take pictures are tagged @screenshots and run only here.
//
// Extra arguments go to Playwright; the usual environment applies (E2E_PORT, E2E_DEMO_PORT, CHROMIUM_PATH).
import { spawnSync } from "node:child_process";

const SPECS = [
  "e2e/04-keyboard-a11y.spec.ts", // desktop, phone-list, phone-thread, dark, inbox/settings at 3 widths
  "e2e/06-demo.spec.ts", // demo
  "e2e/10-access.spec.ts", // sign-in, settings-account
  "e2e/11-event-log.spec.ts", // events at 3 widths
  "e2e/15-inbox-defects-layout.spec.ts", // defects at 3 widths
  "e2e/20-reports.spec.ts", // reports at 3 widths
  "e2e/27-urgent.spec.ts", // urgent callbacks at 3 widths
];

const result = spawnSync("npx", ["playwright", "test", ...SPECS, ...process.argv.slice(2)], {
  stdio: "inherit",
  env: { ...process.env, SCREENSHOTS: "1" },
});
if (result.status === 0)
  console.log(
    "Pictures in test-results/screenshots; docs/screenshots refreshed: review them with `git diff --stat docs/screenshots` before committing.",
  );
process.exit(result.status ?? 1);

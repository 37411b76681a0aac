// `npm run screenshots`: refreshes the pictures in docs/screenshots that the README shows, on
// purpose. It runs the browser specs that take them with UPDATE_SCREENSHOTS=1, which makes
// saveScreenshot (e2e/inbox-page.ts) copy each one from test-results/screenshots into docs/.
// An ordinary `npm test` writes only into the ignored test-results/ and never touches docs/.
//
// Extra arguments go to Playwright; the usual environment applies (E2E_PORT, E2E_DEMO_PORT, CHROMIUM_PATH).
import { spawnSync } from "node:child_process";

const SPECS = [
  "e2e/04-keyboard-a11y.spec.ts", // desktop, phone-list, phone-thread, dark
  "e2e/06-demo.spec.ts", // demo
  "e2e/10-access.spec.ts", // sign-in, settings-account
];

const result = spawnSync("npx", ["playwright", "test", ...SPECS, ...process.argv.slice(2)], {
  stdio: "inherit",
  env: { ...process.env, UPDATE_SCREENSHOTS: "1" },
});
if (result.status === 0)
  console.log("docs/screenshots refreshed: review them with `git diff --stat docs/screenshots` before committing.");
process.exit(result.status ?? 1);

import { readdirSync } from "node:fs";

// Where one run of the browser suite listens and keeps its files. scripts/test.sh runs the specs
// in two halves side by side, each against a server and database of its own: the halves must
// share no port and no folder. Everything a run owns derives from E2E_PORT and E2E_OUTPUT_DIR.

/** The app under test; the HighLevel stand-in listens on +2, the demo server on +1. */
export const E2E_PORT = Number(process.env.E2E_PORT ?? 3210);
/** Playwright's output folder (emptied as a run starts), the signed-in state included. */
export const OUTPUT_DIR = process.env.E2E_OUTPUT_DIR ?? "test-results";
/** The first of the ports the fault specs start their own app processes on (e2e/12, e2e/13). */
export const SPARE_PORT = E2E_PORT + 20;

/**
 * The spec files of part `k` of `n` (E2E_SPECS="k/n"): every n-th file in name order, starting at
 * the k-th. Alternating keeps the parts' lengths close as specs are added (the numbered specs grow
 * slower towards the end), where Playwright's --shard cuts the list in consecutive halves.
 */
export function specsOfPart(part: string | undefined): string[] | undefined {
  if (!part) return undefined;
  const match = /^(\d+)\/(\d+)$/.exec(part);
  if (!match) throw new Error(`E2E_SPECS must look like 1/2, not ${part}`);
  const [k, n] = [Number(match[1]), Number(match[2])];
  if (k < 1 || k > n) throw new Error(`E2E_SPECS ${part}: the part must be between 1 and ${n}`);
  const specs = readdirSync("e2e")
    .filter((file) => file.endsWith(".spec.ts"))
    .sort();
  return specs.filter((_, index) => index % n === k - 1).map((file) => `**/e2e/${file}`);
}

import { parseArgs } from "node:util";
import {
  describeReport,
  FUZZ_ENDPOINTS,
  type FuzzKeys,
  type FuzzReport,
  fuzzEndpoint,
} from "@/lib/testing/fuzz/run-fuzz";

// npm run fuzz [-- --runs 100000 --seed 7 --concurrency 16 --url http://localhost:3000]
// The suite's webhook fuzz, for as long as you like. Without --url: the real webhook routes on a
// throwaway embedded database (or DATABASE_URL), with signing keys made for the run, then the
// worker processes everything stored. With --url: any running Threadline, signed with
// THREADLINE_SIGNING_KEY and VOXITY_WEBHOOK_SECRET (see README, "Simulating deliveries").
// Exits 1 if any answer was a 5xx or a dropped connection.
const { values } = parseArgs({
  options: {
    runs: { type: "string", default: "100000" },
    seed: { type: "string", default: String(Date.now() % 1_000_000) },
    concurrency: { type: "string", default: "16" },
    url: { type: "string" },
  },
});
const runs = Number(values.runs);
const concurrency = Number(values.concurrency);
if (!(runs > 0) || !(concurrency > 0 && concurrency <= 256)) {
  console.error("fuzz: --runs must be a positive number and --concurrency 1..256");
  process.exit(2);
}

async function target(): Promise<{ baseUrl: string; keys: FuzzKeys; finish: () => Promise<void> }> {
  if (values.url) {
    const keys = {
      highLevelEd25519PrivateKey: process.env.THREADLINE_SIGNING_KEY,
      voxityServerSecret: process.env.VOXITY_WEBHOOK_SECRET,
    };
    if (!keys.highLevelEd25519PrivateKey || !keys.voxityServerSecret) {
      console.error("fuzz --url: set THREADLINE_SIGNING_KEY and VOXITY_WEBHOOK_SECRET to the keys the server trusts");
      process.exit(2);
    }
    return { baseUrl: values.url, keys: keys as FuzzKeys, finish: async () => {} };
  }
  process.env.PGLITE_DATA_DIR ??= "memory://";
  process.env.THREADLINE_QUIET_LOGS ??= "1";
  const { installTestSigningKeys, testSigningKeys } = await import("@/lib/testing/signing");
  installTestSigningKeys();
  const { startWebhookServer } = await import("@/lib/testing/http-server");
  const { drainEvents } = await import("@/lib/ingest/worker");
  const { closeDatabase, getPrisma } = await import("@/lib/db");
  // Open (and migrate) the database first: deliveries during a cold start would only meet 429s.
  await getPrisma();
  const server = await startWebhookServer();
  return {
    baseUrl: server.baseUrl,
    keys: testSigningKeys() as FuzzKeys,
    finish: async () => {
      const started = performance.now();
      const summary = await drainEvents({ concurrency: 8 });
      console.log(`fuzz drain in ${((performance.now() - started) / 1000).toFixed(1)} s: ${JSON.stringify(summary)}`);
      await server.close();
      await closeDatabase();
    },
  };
}

const { baseUrl, keys, finish } = await target();
const seed = Number(values.seed);
const reports: FuzzReport[] = [];
for (const endpoint of FUZZ_ENDPOINTS) {
  const report = await fuzzEndpoint({ baseUrl, endpoint, runs, seed, concurrency, keys });
  console.log(describeReport(report));
  for (const error of report.serverErrors.slice(0, 5))
    console.log(`  case ${error.index}: ${error.status} ${error.answer}`);
  reports.push(report);
}
await finish();
process.exit(reports.some((report) => report.serverErrors.length > 0) ? 1 : 0);

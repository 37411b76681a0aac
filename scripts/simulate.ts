import { parseArgs } from "node:util";
import { describeEvent, runSimulation } from "@/lib/demo/simulator";
import { signingKeysFromEnv } from "@/lib/providers/sign";

// npm run simulate -- --rate 5 --duration 60 [--url http://localhost:3000] [--seed 7]
// Signs with THREADLINE_SIGNING_KEY (Ed25519 private key whose public half the server trusts)
// and VOXITY_WEBHOOK_SECRET when set; `npm run webhook:dev-keys` makes such a pair.
const { values } = parseArgs({
  options: {
    rate: { type: "string", default: "5" },
    duration: { type: "string", default: "60" },
    url: { type: "string", default: process.env.THREADLINE_URL ?? "http://localhost:3000" },
    seed: { type: "string", default: "7" },
  },
});
const rate = Number(values.rate);
const duration = Number(values.duration);
if (!(rate > 0 && rate <= 1000) || !(duration > 0)) {
  console.error("simulate: --rate must be 1..1000 events/s and --duration a number of seconds");
  process.exit(2);
}
console.log(`simulate: ${rate}/s for ${duration}s → ${values.url}`);
const results = await runSimulation({
  baseUrl: values.url,
  rate,
  durationSeconds: duration,
  seed: Number(values.seed),
  signingKeys: signingKeysFromEnv(),
  onResult: (event, outcome) =>
    console.log(
      `${new Date().toISOString().slice(11, 19)}  ${describeEvent(event).padEnd(60)} → ${outcome.status} ${outcome.answer}`,
    ),
});
const tally = new Map<string, number>();
for (const { outcome } of results)
  tally.set(`${outcome.status} ${outcome.answer}`, (tally.get(`${outcome.status} ${outcome.answer}`) ?? 0) + 1);
console.log("answers:", Object.fromEntries(tally));
process.exit(results.every(({ outcome }) => outcome.status === 200) ? 0 : 1);

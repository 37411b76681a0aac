import { readFileSync, writeFileSync } from "node:fs";
import { makeTestKeyPairs } from "@/lib/testing/signing";
import { signatureHeaders } from "@/lib/providers/sign";
import { ED25519_KEY_ENV } from "@/lib/providers/highlevel/signature";
import { uniqueMessage } from "./load";
import { runMain } from "./run-main";

// npx tsx scripts/bench/ack-micro.ts [requests]: the webhook route's own CPU per request, without
// Next.js or HTTP: the handler called in-process, 32 at a time, on BENCH_DATABASE_URL (worker off).
// process.cpuUsage counts CPU actually used, so a busy machine slows it down but hardly skews it:
// for A/B of the ack path's code when wall-clock throughput is too noisy. Signing happens before
// the clock starts.

const REQUESTS = Number(process.argv[2] ?? 4000);

// The JavaScript thread's own CPU (ms), apart from libuv's pool where the Ed25519 check now runs:
// the one thread is what limits the acknowledgement rate. Linux only; 10 ms ticks.
function mainThreadCpuMs(): number {
  const stat = readFileSync(`/proc/self/task/${process.pid}/stat`, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return (Number(fields[11]) + Number(fields[12])) * 10;
}
const CONCURRENCY = 32;

async function main() {
  process.env.DATABASE_URL = process.env.BENCH_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/threadline_bench";
  process.env.THREADLINE_WORKER = "off";
  process.env.THREADLINE_QUIET_LOGS = "1";
  const keys = makeTestKeyPairs();
  process.env[ED25519_KEY_ENV] = keys.ed25519.publicKey;
  const { POST } = await import("@/app/api/webhooks/highlevel/route");
  const { closeDatabase } = await import("@/lib/db");
  const requests = (count: number) =>
    Array.from({ length: count }, () => {
      const body = uniqueMessage("ack-micro");
      const headers = {
        "content-type": "application/json",
        ...signatureHeaders("highlevel", body, { highLevelEd25519PrivateKey: keys.ed25519.privateKey }),
      };
      return () =>
        POST(new Request("http://127.0.0.1/api/webhooks/highlevel", { method: "POST", headers, body }), {
          params: Promise.resolve({}),
        } as never);
    });
  const run = async (batch: Array<() => Promise<Response>>) => {
    let next = 0;
    let ok = 0;
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < batch.length) {
          const response = await batch[next++]!();
          await response.arrayBuffer();
          if (response.status === 200) ok++;
        }
      }),
    );
    return ok;
  };
  await run(requests(500)); // warm-up: JIT, pool connections
  const batch = requests(REQUESTS);
  const startUs = Number(process.hrtime.bigint() / 1000n);
  const before = process.cpuUsage();
  const mainBefore = mainThreadCpuMs();
  const started = performance.now();
  const ok = await run(batch);
  const cpu = process.cpuUsage(before);
  const mainThread = mainThreadCpuMs() - mainBefore;
  const wall = performance.now() - started;
  // Under node --cpu-prof: the measured window for profile-summary.ts (it leaves out setup).
  if (process.env.ACK_MICRO_WINDOW)
    writeFileSync(
      process.env.ACK_MICRO_WINDOW,
      JSON.stringify({ startUs, endUs: Number(process.hrtime.bigint() / 1000n), requests: REQUESTS }),
    );
  console.log(
    `${ok}/${REQUESTS} answered 200; CPU ${((cpu.user + cpu.system) / 1000 / REQUESTS).toFixed(3)} ms per request (user ${(cpu.user / 1000 / REQUESTS).toFixed(3)}; JavaScript thread ${(mainThread / REQUESTS).toFixed(3)}), wall ${(wall / REQUESTS).toFixed(3)} ms per request`,
  );
  await closeDatabase();
}

runMain(main);

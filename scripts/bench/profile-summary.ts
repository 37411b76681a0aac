import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { SourceMap } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

// npx tsx scripts/bench/profile-summary.ts <.cpuprofile files or folders> [--top N] [--window file.json]
// Where a server's CPU went, from `node --cpu-prof` profiles (BENCH_CPU_PROF=<folder> makes the
// bench write one folder per phase): self time by package or source file, then by function.
// Bundled chunks (.next/server/chunks) are mapped back to their sources through the build's
// source maps, so "lib/ingest/event-log.ts" shows up as itself and not as a Turbopack chunk.

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
  columnNumber: number;
}
interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}
/** Written by the bench (BENCH_ONLY=ack) beside a profile: the measured load, in V8's clock (µs). */
interface Window {
  startUs: number;
  endUs: number;
  requests: number;
}

const maps = new Map<string, SourceMap | null>();
function sourceMapFor(file: string): SourceMap | null {
  if (!maps.has(file)) {
    const mapFile = `${file}.map`;
    maps.set(
      file,
      existsSync(mapFile)
        ? new SourceMap(JSON.parse(readFileSync(mapFile, "utf8")) as ConstructorParameters<typeof SourceMap>[0])
        : null,
    );
  }
  return maps.get(file)!;
}

const OURS = /^(lib|app|components|proxy\.ts|instrumentation\.ts)\b/;

/** Where a frame's code comes from: a package, a file of ours, a node: module, or V8's own bucket ("(garbage collector)", writev…). */
function origin(frame: CallFrame): { bucket: string; ours: boolean } {
  if (!frame.url) return { bucket: `native: ${(frame.functionName || "(anonymous)").slice(0, 60)}`, ours: false };
  if (frame.url.startsWith("node:")) return { bucket: "node internals", ours: false };
  if (frame.url.startsWith("wasm:")) return { bucket: "wasm (Prisma's query compiler)", ours: false };
  let source = frame.url.startsWith("file://") ? fileURLToPath(frame.url) : frame.url;
  // Only bundles need their source map: a file under node_modules already says whose it is.
  if (!source.includes("/node_modules/")) {
    const entry = sourceMapFor(source)?.findEntry(frame.lineNumber, frame.columnNumber);
    // An empty object, or a mapping without a source, when the position maps to nothing.
    const original: string | undefined = entry && "originalSource" in entry ? entry.originalSource : undefined;
    if (original) source = original;
  }
  source = decodeURIComponent(source)
    .replace(/^.*?\[project\]\//, "")
    .replace(/^(turbopack|webpack):\/\/[^/]*\//, "")
    .replace(`${process.cwd()}/`, "")
    .replace(/^(\.\.\/)+/, "");
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(source);
  if (pkg) return { bucket: pkg[1]!, ours: false };
  return { bucket: source, ours: OURS.test(source) };
}

function collect(target: string): string[] {
  if (statSync(target).isDirectory()) return readdirSync(target).flatMap((entry) => collect(path.join(target, entry)));
  return target.endsWith(".cpuprofile") ? [target] : [];
}

const args = process.argv.slice(2);
const topIndex = args.indexOf("--top");
const top = topIndex >= 0 ? Number(args.splice(topIndex, 2)[1]) : 25;
const windowIndex = args.indexOf("--window");
const windowName = windowIndex >= 0 ? args.splice(windowIndex, 2)[1]! : "window.json";
const files = args.flatMap(collect);
if (files.length === 0) {
  console.error("usage: tsx scripts/bench/profile-summary.ts <.cpuprofile files or folders> [--top N]");
  process.exit(2);
}

const byBucket = new Map<string, number>();
const byFunction = new Map<string, number>();
const underOurs = new Map<string, number>();
let total = 0;
let idle = 0;
let requests = 0;
const windowsCounted = new Set<string>();
for (const file of files) {
  const profile = JSON.parse(readFileSync(file, "utf8")) as Profile;
  // Only the measured load when the bench left its window: no start-up, warm-up or shutdown.
  const windowFile = path.join(path.dirname(file), windowName);
  const window = existsSync(windowFile) ? (JSON.parse(readFileSync(windowFile, "utf8")) as Window) : null;
  // A window covers every profile of its folder (one per process or thread): count it once.
  if (window && !windowsCounted.has(windowFile)) {
    windowsCounted.add(windowFile);
    requests += window.requests;
  }
  const self = new Map<number, number>();
  let at = profile.startTime;
  profile.samples.forEach((id, index) => {
    const delta = profile.timeDeltas[index] ?? 0;
    at += delta;
    if (window && (at < window.startUs || at > window.endUs)) return;
    self.set(id, (self.get(id) ?? 0) + delta);
  });
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const origins = new Map(profile.nodes.map((node) => [node.id, origin(node.callFrame)]));
  for (const node of profile.nodes) {
    const us = self.get(node.id) ?? 0;
    if (us === 0) continue;
    if (node.callFrame.functionName === "(idle)") {
      idle += us;
      continue;
    }
    const { bucket } = origins.get(node.id)!;
    total += us;
    byBucket.set(bucket, (byBucket.get(bucket) ?? 0) + us);
    const name = `${node.callFrame.functionName || "(anonymous)"} (${bucket.split("/").slice(-2).join("/")})`;
    byFunction.set(name, (byFunction.get(name) ?? 0) + us);
    // The nearest frame of ours on the stack: what our code cost, libraries it called included
    // (synchronous work only: an await ends the stack).
    let at: number | undefined = node.id;
    while (at !== undefined && !origins.get(at)!.ours) at = parent.get(at);
    const owner =
      at === undefined
        ? "(no frame of ours on the stack: framework, runtime, GC)"
        : `${origins.get(at)!.bucket} ${byId.get(at)!.callFrame.functionName || "(anonymous)"}`;
    underOurs.set(owner, (underOurs.get(owner) ?? 0) + us);
  }
}

const share = (us: number) =>
  `${((100 * us) / total).toFixed(1).padStart(5)} %  ${(us / 1e6).toFixed(2).padStart(7)} s` +
  (requests > 0 ? `  ${(us / 1000 / requests).toFixed(4)} ms/req` : "");
const print = (title: string, rows: Map<string, number>) => {
  console.log(`\n${title}`);
  [...rows]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .forEach(([name, us]) => {
      console.log(`  ${share(us)}  ${name}`);
    });
};
console.log(
  `${files.length} profile(s): ${(total / 1e6).toFixed(2)} s on CPU, ${(idle / 1e6).toFixed(2)} s idle (${((100 * total) / (total + idle)).toFixed(0)} % busy)` +
    (requests > 0
      ? `; measured window only: ${requests.toLocaleString("en-US")} requests, ${(total / 1000 / requests).toFixed(3)} ms of CPU per request`
      : ""),
);
print("Self time by package or source file", byBucket);
print("Time under our code (nearest frame of ours, callees included)", underOurs);
print("Self time by function", byFunction);

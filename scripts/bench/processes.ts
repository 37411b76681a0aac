import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync, readdirSync } from "node:fs";

// The servers and workers the bench starts, and what they cost: resident memory and CPU of a
// process tree from /proc, and how much CPU everything else on the machine took meanwhile (the
// machine is shared: a busy neighbour shows up there instead of silently lowering our figures).

const TICK_MS = 10; // USER_HZ is 100 on Linux

interface ProcEntry {
  ppid: number;
  comm: string;
  ticks: number;
}

function readProcs(): Map<number, ProcEntry> {
  const procs = new Map<number, ProcEntry>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const comm = stat.slice(stat.indexOf("(") + 1, stat.lastIndexOf(")"));
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      procs.set(Number(entry), { ppid: Number(fields[1]), comm, ticks: Number(fields[11]) + Number(fields[12]) });
    } catch {
      // the process ended while we looked
    }
  }
  return procs;
}

function descendants(procs: Map<number, ProcEntry>, roots: readonly number[]): Set<number> {
  const children = new Map<number, number[]>();
  for (const [pid, { ppid }] of procs) children.set(ppid, [...(children.get(ppid) ?? []), pid]);
  const found = new Set<number>();
  const stack = [...roots];
  while (stack.length) {
    const pid = stack.pop()!;
    if (found.has(pid) || !procs.has(pid)) continue;
    found.add(pid);
    stack.push(...(children.get(pid) ?? []));
  }
  return found;
}

export function treeRssMb(rootPid: number): number {
  let kb = 0;
  for (const pid of descendants(readProcs(), [rootPid])) {
    try {
      kb += Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0);
    } catch {
      // gone
    }
  }
  return Math.round(kb / 1024);
}

function busyTicks(): number {
  // /proc/stat "cpu" line: user nice system idle iowait irq softirq steal …; busy = all but idle+iowait.
  const fields = readFileSync("/proc/stat", "utf8").split("\n")[0]!.trim().split(/\s+/).slice(1).map(Number);
  return fields.slice(0, 8).reduce((sum, value, index) => (index === 3 || index === 4 ? sum : sum + value), 0);
}

export interface CpuSample {
  at: number;
  busy: number;
  procs: Map<number, ProcEntry>;
}

export const sampleCpu = (): CpuSample => ({ at: Date.now(), busy: busyTicks(), procs: readProcs() });

export interface CpuSplit {
  /** CPU seconds per wall second (2 = both cores busy) over the measured interval. */
  servers: number;
  postgres: number;
  bench: number;
  /** Everything else: another engineer's tests, the OS. Above ~0.1 the figures were taken on a shared machine. */
  other: number;
}

/** Splits the machine's busy time between `start` and `end` into our servers' trees, PostgreSQL, this process and the rest. */
export function splitCpu(start: CpuSample, end: CpuSample, serverPids: readonly number[]): CpuSplit {
  const seconds = (end.at - start.at) / 1000;
  const delta = (pids: Iterable<number>) => {
    let ticks = 0;
    for (const pid of pids) ticks += (end.procs.get(pid)?.ticks ?? 0) - (start.procs.get(pid)?.ticks ?? 0);
    return (ticks * TICK_MS) / 1000 / seconds;
  };
  const servers = delta(descendants(end.procs, serverPids));
  const postgres = delta([...end.procs].filter(([, p]) => p.comm === "postgres").map(([pid]) => pid));
  const bench = delta([process.pid]);
  const total = ((end.busy - start.busy) * TICK_MS) / 1000 / seconds;
  return { servers, postgres, bench, other: Math.max(0, total - servers - postgres - bench) };
}

/**
 * Waits until everything but this process and its children uses less than `threshold` cores
 * (another engineer's test suite, an autovacuum) over 2 s, or until `maxMs` has passed: two
 * cores leave no room for a neighbour without it showing in our figures. Returns that load.
 */
export async function waitForQuiet(maxMs: number, log: (line: string) => void, threshold = 0.15): Promise<number> {
  const deadline = Date.now() + maxMs;
  for (let waited = false; ; waited = true) {
    const start = sampleCpu();
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    const end = sampleCpu();
    const ours = [...descendants(end.procs, [process.pid])];
    let ticks = end.busy - start.busy;
    for (const pid of ours) ticks -= (end.procs.get(pid)?.ticks ?? 0) - (start.procs.get(pid)?.ticks ?? 0);
    const others = Math.max(0, (ticks * TICK_MS) / (end.at - start.at));
    if (others < threshold) return others;
    if (Date.now() > deadline) {
      log(`  the machine is still busy (${others.toFixed(2)} cores used by other processes): measuring anyway`);
      return others;
    }
    if (!waited)
      log(
        `  the machine is busy (${others.toFixed(2)} cores used by other processes): waiting up to ${Math.round(maxMs / 1000)} s for it to calm down…`,
      );
  }
}

export async function waitForUrl(url: string, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      await fetch(url);
      return;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  throw new Error(`${url} did not come up`);
}

const started = new Set<ChildProcess>();
// Each child leads its own process group (npm → sh → tsx → node, next start → its server), so
// one signal to the group ends all of it and nothing outlives the bench.
const signalGroup = (child: ChildProcess, signal: NodeJS.Signals) => {
  try {
    process.kill(-child.pid!, signal);
  } catch {
    // already gone
  }
};
process.on("exit", () => {
  for (const child of started) signalGroup(child, "SIGKILL");
});
for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, () => process.exit(130));

/**
 * CPU ms used so far by each process's JavaScript thread (its main thread, tid = pid), apart from
 * libuv's pool and V8's helper threads: the one thread is what limits a Node server's rate.
 */
export function jsThreadCpuMs(pids: readonly number[]): number {
  let ticks = 0;
  for (const pid of pids) {
    try {
      const stat = readFileSync(`/proc/${pid}/task/${pid}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // gone
    }
  }
  return ticks * TICK_MS;
}

export function startProcess(command: string, args: string[], env: Record<string, string>): ChildProcess {
  const child = spawn(command, args, {
    env: { ...process.env, ...env },
    stdio: ["ignore", "ignore", "inherit"],
    detached: true,
  });
  started.add(child);
  child.once("exit", () => started.delete(child));
  return child;
}

/**
 * A node process of the bench, under --cpu-prof into `${profileDir}/${phase}` when profiling
 * (BENCH_CPU_PROF; Node refuses --cpu-prof in NODE_OPTIONS, so it goes on the command line).
 */
export function startNode(
  profileDir: string | undefined,
  phase: string,
  env: Record<string, string>,
  args: string[],
): ChildProcess {
  return startProcess(
    "node",
    [
      ...(profileDir ? ["--cpu-prof", `--cpu-prof-dir=${profileDir}/${phase}`] : []),
      // BENCH_TRACE=<folder>: where each server's requests waited, per second (trace-preload.cjs).
      ...(process.env.BENCH_TRACE ? ["--require", "./scripts/bench/trace-preload.cjs"] : []),
      ...args,
    ],
    env,
  );
}

/** SIGTERM to the child's group, SIGKILL if it is still there after `graceMs`. */
export async function stopProcess(child: ChildProcess, graceMs = 5_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  signalGroup(child, "SIGTERM");
  const timer = setTimeout(() => signalGroup(child, "SIGKILL"), graceMs);
  await exited;
  clearTimeout(timer);
  signalGroup(child, "SIGKILL"); // the group's other members, if the leader went first
}

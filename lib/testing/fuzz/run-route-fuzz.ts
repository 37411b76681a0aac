import fc from "fast-check";
import { type BodyMutation, bodyMutation, encodeQueryValue, mutateBody, pathId, queryString } from "./route-mutations";
import { ROUTE_TARGETS } from "./route-targets";
import { type FuzzWorld, type IdKind, worldIds } from "./route-world";

// Calls the route handlers in-process (no HTTP: the same handler Next calls, ~100× the rate) with
// mutated requests, `concurrency` at a time, and tallies the answers per route. A 5xx, or a handler
// that throws instead of answering, is a server error.

const ACTORS = ["ownerA", "memberA", "readTokenA", "sendTokenA", "anonymous", "crossSite"] as const;
type Actor = (typeof ACTORS)[number];
const ID_KINDS: IdKind[] = [
  "conversation",
  "customer",
  "reply",
  "label",
  "account",
  "savedView",
  "token",
  "user",
  "bulkAction",
];

export interface RouteCase {
  target: number;
  ids: Record<IdKind, string>;
  actor: Actor;
  body: BodyMutation;
  query: string;
}

export interface RouteServerError {
  index: number;
  route: string;
  status: number | "threw";
  answer: string;
  request: string;
}

export interface RouteFuzzReport {
  seed: number;
  sent: number;
  byRoute: Record<string, Record<string, number>>;
  /** Milliseconds each route's calls took in all (they overlap: `concurrency` run at once). */
  msByRoute: Record<string, number>;
  byStatus: Record<string, number>;
  serverErrors: RouteServerError[];
  elapsedMs: number;
  /** This process's CPU time meanwhile (on PGlite the database's too): the figure a busy machine does not inflate. */
  cpuMs: number;
}

function routeCases(world: FuzzWorld): fc.Arbitrary<RouteCase> {
  const ids = Object.fromEntries(ID_KINDS.map((kind) => [kind, pathId(world.own[kind], world.foreign[kind])])) as {
    [K in IdKind]: fc.Arbitrary<string>;
  };
  return fc.record({
    target: fc.oneof(
      ...ROUTE_TARGETS.map((target, index) => ({ weight: target.weight, arbitrary: fc.constant(index) })),
    ),
    ids: fc.record(ids),
    // Mostly A's owner, who may do everything in A: the cases reach the handlers' own checks.
    actor: fc.oneof(
      { weight: 24, arbitrary: fc.constant<Actor>("ownerA") },
      { weight: 3, arbitrary: fc.constant<Actor>("memberA") },
      { weight: 2, arbitrary: fc.constant<Actor>("sendTokenA") },
      { weight: 1, arbitrary: fc.constantFrom<Actor>("readTokenA", "anonymous", "crossSite") },
    ),
    body: bodyMutation(worldIds(world)),
    query: queryString,
  });
}

function headersOf(world: FuzzWorld, actor: Actor): Record<string, string> {
  if (actor === "anonymous") return { origin: "http://localhost" };
  if (actor === "crossSite") return { ...world.actors.ownerA, origin: "https://evil.example" };
  return { origin: "http://localhost", ...world.actors[actor] };
}

/** The request a case makes, and the params Next would hand the handler (the decoded segments). */
export function requestOf(world: FuzzWorld, fuzzCase: RouteCase, index: number) {
  const target = ROUTE_TARGETS[fuzzCase.target]!;
  const params = Object.fromEntries(Object.entries(target.params).map(([name, kind]) => [name, fuzzCase.ids[kind]]));
  const path = target.path.replace(/\[(\w+)\]/g, (_, name: string) => encodeQueryValue(params[name] ?? ""));
  const headers = headersOf(world, fuzzCase.actor);
  let body: string | undefined;
  if (target.body) {
    const mutated = mutateBody(target.body(world, index), fuzzCase.body);
    body = mutated.kind === "raw" ? mutated.text : mutated.kind === "json" ? (JSON.stringify(mutated.value) ?? "") : "";
    headers["content-type"] = "application/json";
  }
  const request = new Request(`http://localhost${path}${fuzzCase.query}`, { method: target.method, headers, body });
  return {
    target,
    request,
    params,
    summary: `${target.method} ${path}${fuzzCase.query} as ${fuzzCase.actor}: ${(body ?? "").slice(0, 200)}`,
  };
}

export async function fuzzRoutes(
  world: FuzzWorld,
  options: { runs: number; seed: number; concurrency: number },
): Promise<RouteFuzzReport> {
  const cases = fc.sample(routeCases(world), { seed: options.seed, numRuns: options.runs });
  const byRoute: Record<string, Record<string, number>> = {};
  const byStatus: Record<string, number> = {};
  const msByRoute: Record<string, number> = {};
  const serverErrors: RouteServerError[] = [];
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  let next = 0;

  async function caller() {
    for (let index = next++; index < cases.length; index = next++) {
      const { target, request, params, summary } = requestOf(world, cases[index]!, index);
      let status: number | "threw";
      let answer = "";
      const callStarted = performance.now();
      try {
        const response = await target.handler(request, { params: Promise.resolve(params) } as never);
        status = response.status;
        answer = await response.text();
      } catch (error) {
        status = "threw";
        answer = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      }
      msByRoute[target.name] = (msByRoute[target.name] ?? 0) + performance.now() - callStarted;
      const route = (byRoute[target.name] ??= {});
      route[status] = (route[status] ?? 0) + 1;
      byStatus[status] = (byStatus[status] ?? 0) + 1;
      if (status === "threw" || status >= 500)
        serverErrors.push({ index, route: target.name, status, answer: answer.slice(0, 300), request: summary });
    }
  }

  await Promise.all(Array.from({ length: options.concurrency }, caller));
  const cpu = process.cpuUsage(cpuBefore);
  return {
    cpuMs: Math.round((cpu.user + cpu.system) / 1000),
    seed: options.seed,
    sent: cases.length,
    byRoute,
    msByRoute,
    byStatus,
    serverErrors,
    elapsedMs: Math.round(performance.now() - started),
  };
}

/** One line per route and a total, for the suite's output. */
export function describeRouteReport(report: RouteFuzzReport): string {
  const tally = (counts: Record<string, number>) =>
    Object.entries(counts)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([status, count]) => `${status}×${count}`)
      .join(" ");
  const routes = Object.entries(report.byRoute)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([route, counts]) => `  ${route}: ${tally(counts)} (${Math.round(report.msByRoute[route] ?? 0)} ms)`);
  const rate = Math.round((report.sent / report.elapsedMs) * 1000);
  return [
    `write-route fuzz: ${report.sent} requests (seed ${report.seed}) in ${(report.elapsedMs / 1000).toFixed(1)} s (CPU ${(report.cpuMs / 1000).toFixed(1)} s), ${rate}/s: ${tally(report.byStatus)}; 5xx or thrown: ${report.serverErrors.length}`,
    ...routes,
  ].join("\n");
}

import { z } from "zod";
import { beforeEach, describe, expect, it } from "vitest";
import { getPrisma } from "@/lib/db";
import { resetDatabase } from "@/lib/testing/database";
import { defineJob, type AnyJobDefinition, type JobResult } from "./definition";
import { claimJobs, enqueueJob } from "./queue";
import { drainJobs } from "./runner";

// The queue's semantics on the real database: leases, retries, permanent failures, at-most-once.

beforeEach(resetDatabase);

function probe(semantics: "at-least-once" | "at-most-once", answer: (n: number) => JobResult | Promise<JobResult>) {
  const runs: number[] = [];
  const givenUp: string[] = [];
  const definition = defineJob({
    kind: `probe-${semantics}`,
    payload: z.object({ n: z.number() }),
    semantics,
    maxAttempts: 3,
    leaseMs: 60_000,
    concurrency: 2,
    async run({ n }) {
      runs.push(n);
      return answer(n);
    },
    async onGivenUp({ n }, result) {
      givenUp.push(`${n}:${result.outcome}`);
    },
  });
  return { definition: definition as AnyJobDefinition, runs, givenUp };
}

const jobs = async () => (await getPrisma()).job.findMany({ orderBy: { createdAt: "asc" } });
const expireLeases = async () =>
  (await getPrisma()).job.updateMany({ where: { state: "running" }, data: { lockedUntil: new Date(Date.now() - 1) } });

describe("job queue", () => {
  it("runs each job once, to done", async () => {
    const { definition, runs } = probe("at-least-once", () => ({ outcome: "done" }));
    const prisma = await getPrisma();
    for (const n of [1, 2, 3]) await enqueueJob(prisma, { kind: definition.kind, payload: { n } });
    expect(await drainJobs([definition])).toBe(3);
    expect(runs.sort()).toEqual([1, 2, 3]);
    expect((await jobs()).map((j) => j.state)).toEqual(["done", "done", "done"]);
  });

  it("two workers claiming at once never take the same job", async () => {
    const prisma = await getPrisma();
    for (let n = 0; n < 20; n++) await enqueueJob(prisma, { kind: "probe", payload: { n } });
    const [a, b] = await Promise.all([claimJobs(prisma, "probe", 15, 60_000), claimJobs(prisma, "probe", 15, 60_000)]);
    const ids = [...a, ...b].map((job) => job.id);
    expect(ids).toHaveLength(20);
    expect(new Set(ids).size).toBe(20);
  });

  it("at-least-once: a job whose worker died runs again after its lease", async () => {
    const { definition, runs } = probe("at-least-once", () => ({ outcome: "done" }));
    const prisma = await getPrisma();
    await enqueueJob(prisma, { kind: definition.kind, payload: { n: 7 } });
    expect(await claimJobs(prisma, definition.kind, 1, 60_000)).toHaveLength(1); // and the worker dies
    expect(await drainJobs([definition])).toBe(0); // its lease still holds
    await expireLeases();
    expect(await drainJobs([definition])).toBe(1);
    expect(runs).toEqual([7]);
    expect((await jobs())[0]).toMatchObject({ state: "done", attempts: 2 });
  });

  it("at-most-once: a job whose worker died becomes unknown and never runs again", async () => {
    const { definition, runs, givenUp } = probe("at-most-once", () => ({ outcome: "done" }));
    const prisma = await getPrisma();
    await enqueueJob(prisma, { kind: definition.kind, payload: { n: 8 } });
    await claimJobs(prisma, definition.kind, 1, 60_000);
    await expireLeases();
    expect(await drainJobs([definition])).toBe(0);
    expect(await drainJobs([definition])).toBe(0);
    expect(runs).toEqual([]);
    expect(givenUp).toEqual(["8:unknown"]);
    expect((await jobs())[0]).toMatchObject({ state: "unknown" });
  });

  it("a retry waits its backoff; past maxAttempts the job fails and its owner hears", async () => {
    const { definition, runs, givenUp } = probe("at-least-once", () => ({
      outcome: "retry",
      afterMs: 0,
      error: "busy",
    }));
    await enqueueJob(await getPrisma(), { kind: definition.kind, payload: { n: 1 } });
    await drainJobs([definition]);
    expect(runs).toEqual([1, 1, 1]);
    expect(givenUp).toEqual(["1:failed"]);
    expect((await jobs())[0]).toMatchObject({
      state: "failed",
      attempts: 3,
      lastError: "gave up after 3 attempts: busy",
    });
  });

  it("waiting a turn under a rate limit is not an attempt: it never uses up maxAttempts", async () => {
    let turns = 0;
    const { definition, runs } = probe("at-most-once", () =>
      ++turns <= 5
        ? { outcome: "retry", afterMs: 0, error: "waiting its turn", notAnAttempt: true }
        : { outcome: "done" },
    );
    await enqueueJob(await getPrisma(), { kind: definition.kind, payload: { n: 4 } });
    await drainJobs([definition]);
    expect(runs).toEqual([4, 4, 4, 4, 4, 4]); // 5 waits past maxAttempts (3), then its one real run
    expect((await jobs())[0]).toMatchObject({ state: "done", attempts: 1 });
  });

  it("a handler that throws: at-least-once retries it, at-most-once makes it unknown", async () => {
    const boom = () => Promise.reject(new Error("boom"));
    const least = probe("at-least-once", boom);
    const most = probe("at-most-once", boom);
    const prisma = await getPrisma();
    await enqueueJob(prisma, { kind: least.definition.kind, payload: { n: 1 } });
    await enqueueJob(prisma, { kind: most.definition.kind, payload: { n: 2 } });
    await drainJobs([least.definition, most.definition]);
    const byKind = Object.fromEntries((await jobs()).map((j) => [j.kind, j]));
    expect(byKind[least.definition.kind]).toMatchObject({ state: "queued", attempts: 1, lastError: "boom" });
    expect(byKind[most.definition.kind]).toMatchObject({ state: "unknown", attempts: 1, lastError: "boom" });
    expect(most.runs).toEqual([2]);
  });

  it("a payload that no longer parses fails for good with the reason, never loops", async () => {
    const { definition, runs } = probe("at-least-once", () => ({ outcome: "done" }));
    await enqueueJob(await getPrisma(), { kind: definition.kind, payload: { n: "seven" } });
    expect(await drainJobs([definition])).toBe(1);
    expect(runs).toEqual([]);
    const [job] = await jobs();
    expect(job).toMatchObject({ state: "failed", attempts: 1 });
    expect(job?.lastError).toMatch(/no longer reads as a probe-at-least-once job/);
  });
});

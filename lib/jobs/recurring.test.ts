import { z } from "zod";
import { beforeEach, describe, expect, it } from "vitest";
import { getPrisma } from "@/lib/db";
import { resetDatabase } from "@/lib/testing/database";
import { defineJob, type AnyJobDefinition } from "./definition";
import { ensureRecurringJobs, runRecurringSoon } from "./recurring";
import { drainJobs } from "./runner";

// Recurring kinds on the real database: one live job whoever makes it, every pass schedules the
// next (a failing pass too), and a pass can be asked for sooner.

beforeEach(resetDatabase);

function periodic(fail = false) {
  const passes: number[] = [];
  const definition = defineJob({
    kind: "periodic-probe",
    payload: z.object({ recurring: z.literal(true) }),
    semantics: "at-least-once",
    maxAttempts: 1,
    leaseMs: 60_000,
    concurrency: 1,
    everyMs: 60_000,
    async run() {
      passes.push(passes.length + 1);
      return fail ? { outcome: "failed", error: "HighLevel said no" } : { outcome: "done" };
    },
  });
  return { definition: definition as AnyJobDefinition, passes };
}

const liveJobs = async () =>
  (await getPrisma()).job.findMany({ where: { kind: "periodic-probe", state: { in: ["queued", "running"] } } });

describe("recurring jobs", () => {
  it("has one live job however many workers make sure of it at once", async () => {
    const { definition } = periodic();
    const prisma = await getPrisma();
    await Promise.all(Array.from({ length: 5 }, () => ensureRecurringJobs(prisma, [definition])));
    await ensureRecurringJobs(prisma, [definition]);
    expect(await liveJobs()).toHaveLength(1);
  });

  it("runs a pass, schedules the next, and runs it sooner when asked", async () => {
    const { definition, passes } = periodic();
    await ensureRecurringJobs(await getPrisma(), [definition]);
    expect(await drainJobs([definition])).toBe(1);
    const [next] = await liveJobs();
    expect(next).toMatchObject({ state: "queued", attempts: 0, lastError: null });
    expect(next?.runAfter.getTime()).toBeGreaterThan(Date.now() + 50_000);
    expect(await drainJobs([definition])).toBe(0); // not due: nothing runs
    await runRecurringSoon(await getPrisma(), definition.kind);
    expect(await drainJobs([definition])).toBe(1);
    expect(passes).toEqual([1, 2]);
    expect(await liveJobs()).toHaveLength(1);
  });

  it("a failing pass keeps its error and still schedules the next (it is never given up)", async () => {
    const { definition } = periodic(true);
    await ensureRecurringJobs(await getPrisma(), [definition]);
    await drainJobs([definition]);
    const [next] = await liveJobs();
    expect(next).toMatchObject({ state: "queued", lastError: "HighLevel said no" });
  });
});

import { beforeEach, describe, expect, it } from "vitest";
import { getPrisma } from "@/lib/db";
import { resetDatabase } from "@/lib/testing/database";
import { JOB_RETENTION, pruneFinishedJobs } from "./retention";

// Retention on the real database: old finished jobs go, recent ones, live ones and every
// "outcome unknown" job (a send a person must still decide about) stay.

beforeEach(resetDatabase);

const DAY = 86_400_000;

async function job(state: string, finishedDaysAgo: number | null) {
  const prisma = await getPrisma();
  const finishedAt = finishedDaysAgo === null ? null : new Date(Date.now() - finishedDaysAgo * DAY);
  return prisma.job.create({ data: { kind: "retention-probe", payload: {}, state, finishedAt } });
}

describe("finished job retention", () => {
  it("deletes done jobs past 7 days and failed past 30, keeps the rest", async () => {
    const gone = [await job("done", JOB_RETENTION.doneDays + 1), await job("failed", JOB_RETENTION.failedDays + 1)];
    const kept = [
      await job("done", JOB_RETENTION.doneDays - 1),
      await job("failed", JOB_RETENTION.doneDays + 1),
      await job("unknown", 365),
      await job("queued", null),
      await job("running", null),
    ];
    expect(await pruneFinishedJobs(await getPrisma())).toBe(gone.length);
    const left = await (await getPrisma()).job.findMany({ where: { kind: "retention-probe" } });
    expect(left.map((row) => row.id).sort()).toEqual(kept.map((row) => row.id).sort());
  });
});

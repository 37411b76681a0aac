import { describe, expect, it } from "vitest";
import { decideAdmission, expectedWaitMs, type AdmissionPolicy, type AdmissionState } from "./admission-decision";
import { Admission } from "./admission";

// The webhook admission rule, given measured states (no load, no clock: the states are the input).

const policy: AdmissionPolicy = {
  maxInFlight: 1024,
  minInFlight: 32,
  waitBudgetMs: 2_500,
  stallMs: 4_000,
  maxBacklog: 100_000,
};
const state = (over: Partial<AdmissionState>): AdmissionState => ({
  inFlight: 0,
  oldestWaitMs: 0,
  throughputPerSecond: 1_000,
  backlog: 0,
  ...over,
});

describe("decideAdmission", () => {
  it("admits a thousand deliveries in flight when the measured throughput answers them within the budget", () => {
    // 1,000 in flight at 1,000/s: the newest waits about 1 s. The old rule (64 in flight) refused 936 of them.
    expect(decideAdmission(state({ inFlight: 999, oldestWaitMs: 900 }), policy)).toEqual({ admit: true });
  });

  it("refuses only the excess: past throughput × budget, with a Retry-After for the time over budget", () => {
    expect(decideAdmission(state({ inFlight: 400, throughputPerSecond: 200 }), policy)).toEqual({ admit: true });
    expect(decideAdmission(state({ inFlight: 499, throughputPerSecond: 200 }), policy)).toEqual({ admit: true });
    const refused = decideAdmission(state({ inFlight: 900, throughputPerSecond: 200 }), policy);
    expect(refused).toEqual({ admit: false, reason: "queue", retryAfterSeconds: 3 });
  });

  it("refuses at the hard cap whatever the throughput", () => {
    expect(decideAdmission(state({ inFlight: 1024, throughputPerSecond: 100_000 }), policy)).toMatchObject({
      admit: false,
      reason: "in-flight cap",
    });
  });

  it("refuses while the oldest admitted delivery has waited past the stall limit (the database is not keeping up)", () => {
    const refused = decideAdmission(state({ inFlight: 100, oldestWaitMs: 4_200 }), policy);
    expect(refused).toEqual({ admit: false, reason: "stalled", retryAfterSeconds: 5 });
  });

  it("refuses while the event backlog is at its limit, and asks to come back once the excess is applied", () => {
    const refused = decideAdmission(state({ inFlight: 3, backlog: 120_000, throughputPerSecond: 1_000 }), policy);
    expect(refused).toEqual({ admit: false, reason: "backlog", retryAfterSeconds: 21 });
    expect(decideAdmission(state({ backlog: 120_000 }), { ...policy, maxBacklog: 0 })).toEqual({ admit: true });
    expect(decideAdmission(state({ backlog: null }), policy)).toEqual({ admit: true });
  });

  it("below the minimum in flight admits even with no throughput measured or a stall, so measuring resumes", () => {
    expect(decideAdmission(state({ inFlight: 31, throughputPerSecond: 0, oldestWaitMs: 9_000 }), policy)).toEqual({
      admit: true,
    });
    expect(decideAdmission(state({ inFlight: 32, throughputPerSecond: 0 }), policy)).toMatchObject({
      admit: false,
      reason: "queue",
      retryAfterSeconds: 60,
    });
  });

  it("Retry-After stays between 1 and 60 s", () => {
    expect(
      decideAdmission(state({ inFlight: 2_600, throughputPerSecond: 1_000 }), { ...policy, maxInFlight: 5_000 }),
    ).toMatchObject({
      retryAfterSeconds: 1,
    });
    expect(decideAdmission(state({ oldestWaitMs: 600_000, inFlight: 40 }), policy)).toMatchObject({
      retryAfterSeconds: 60,
    });
    expect(expectedWaitMs(state({ inFlight: 99, throughputPerSecond: 100 }))).toBe(1_000);
  });
});

describe("Admission's measured state", () => {
  it("keeps the best throughput it measured while refusals lower the current one, and decays it towards the floor", async () => {
    let now = 0;
    const admission = new Admission(policy, {
      initialThroughputPerSecond: 100,
      windowMs: 500,
      peakHalfLifeMs: 60_000,
      now: () => now,
    });
    // 500 completions in a 500 ms window: 1,000/s.
    for (let i = 0; i < 500; i++) {
      now += 1;
      await admission.run(async () => undefined);
    }
    expect(admission.state().throughputPerSecond).toBe(1_000);
    // A slow window (10 completions in 500 ms) does not pull the estimate down to 20/s…
    for (let i = 0; i < 10; i++) {
      now += 50;
      await admission.run(async () => undefined);
    }
    expect(admission.state().throughputPerSecond).toBeGreaterThan(990);
    // …but a minute without a window as fast halves it, never below the floor.
    now += 60_000;
    await admission.run(async () => undefined);
    expect(Math.round(admission.state().throughputPerSecond)).toBe(497);
    now += 3_600_000;
    await admission.run(async () => undefined);
    expect(admission.state().throughputPerSecond).toBe(100);
  });

  it("measures the oldest admitted delivery's wait and refuses with 429 and Retry-After past the stall limit", async () => {
    let now = 0;
    const admission = new Admission(
      { ...policy, minInFlight: 1 },
      { initialThroughputPerSecond: 1_000, windowMs: 500, peakHalfLifeMs: 60_000, now: () => now },
    );
    let release!: () => void;
    const held = admission.run(() => new Promise<void>((resolve) => (release = resolve)));
    now = 4_500;
    expect(admission.state()).toMatchObject({ inFlight: 1, oldestWaitMs: 4_500 });
    await expect(admission.run(async () => "never")).rejects.toMatchObject({
      status: 429,
      headers: { "retry-after": "5" },
    });
    release();
    await held;
    expect(admission.state()).toMatchObject({ inFlight: 0, oldestWaitMs: 0 });
    await expect(admission.run(async () => "admitted")).resolves.toBe("admitted");
  });
});

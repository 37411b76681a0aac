import { describe, expect, it } from "vitest";
import { FrontGate, type FrontGatePolicy } from "./front-gate";

// The webhook queue in front of Next.js, on a clock the test moves: who is let in, in which
// order, and who is refused (429, never a 2xx) after waiting too long.

const policy: FrontGatePolicy = { concurrency: 2, maxWaitMs: 2_000, maxQueued: 3 };

function setup(given: Partial<FrontGatePolicy> = {}) {
  let clock = 0;
  const gate = new FrontGate({ ...policy, ...given }, () => clock);
  const events: string[] = [];
  const hungUp = new Set<string>();
  const deliver = (name: string) =>
    gate.offer({
      pass: () => events.push(`in ${name}`),
      refuse: (retryAfter) => events.push(`429 ${name} retry ${retryAfter}`),
      gone: () => hungUp.has(name),
    });
  return { gate, events, hungUp, deliver, advance: (ms: number) => (clock += ms) };
}

describe("webhook front gate", () => {
  it("lets deliveries in up to its concurrency and the rest in arrival order as places free", () => {
    const { gate, events, deliver } = setup();
    ["a", "b", "c", "d"].forEach(deliver);
    expect(events).toEqual(["in a", "in b"]);
    expect(gate.counts).toEqual({ inside: 2, waiting: 2 });
    gate.release();
    gate.release();
    expect(events).toEqual(["in a", "in b", "in c", "in d"]);
    expect(gate.counts).toEqual({ inside: 2, waiting: 0 });
  });

  it("refuses a delivery that waited maxWaitMs, with Retry-After, and never lets it in later", () => {
    const { gate, events, deliver, advance } = setup();
    ["a", "b", "c"].forEach(deliver);
    advance(1_000);
    deliver("d");
    advance(999);
    expect(gate.refuseOverdue()).toBe(0);
    advance(1);
    expect(gate.refuseOverdue()).toBe(1);
    gate.release();
    expect(events).toEqual(["in a", "in b", "429 c retry 2", "in d"]);
  });

  it("refuses at once when the queue is full", () => {
    const { events, deliver } = setup();
    ["a", "b", "c", "d", "e", "f"].forEach(deliver);
    expect(events).toEqual(["in a", "in b", "429 f retry 2"]);
  });

  it("skips a sender that hung up while waiting, without an answer", () => {
    const { gate, events, hungUp, deliver, advance } = setup();
    ["a", "b", "c", "d"].forEach(deliver);
    hungUp.add("c");
    gate.release();
    expect(events).toEqual(["in a", "in b", "in d"]);
    deliver("e");
    hungUp.add("e");
    advance(5_000);
    expect(gate.refuseOverdue()).toBe(0);
    expect(gate.counts).toEqual({ inside: 2, waiting: 0 });
  });

  it("keeps order over many turns of its queue", () => {
    const { gate, events, deliver } = setup({ concurrency: 1, maxQueued: 10_000 });
    for (let i = 0; i < 5_000; i++) deliver(String(i));
    for (let i = 0; i < 5_000; i++) gate.release();
    expect(events).toEqual(Array.from({ length: 5_000 }, (_, i) => `in ${i}`));
    expect(gate.counts).toEqual({ inside: 0, waiting: 0 });
  });
});

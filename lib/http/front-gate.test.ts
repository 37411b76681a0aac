import { describe, expect, it } from "vitest";
import { FrontGate, type FrontGatePolicy } from "./front-gate";

// The webhook queue in front of Next.js, on a clock the test moves: who is let in, in which
// order, and who is refused (429, never a 2xx) after waiting too long.

const policy: FrontGatePolicy = { concurrency: 2, maxWaitMs: 2_000, maxQueued: 3 };

function setup(given: Partial<FrontGatePolicy> = {}) {
  let clock = 0;
  // Freed places are filled on a later turn (setImmediate in production): here when the test settles.
  const deferred: Array<() => void> = [];
  const gate = new FrontGate(
    { ...policy, ...given },
    () => clock,
    (drain) => deferred.push(drain),
  );
  const settle = () => {
    while (deferred.length) deferred.shift()!();
  };
  const events: string[] = [];
  const hungUp = new Set<string>();
  const deliver = (name: string) =>
    gate.offer({
      pass: () => events.push(`in ${name}`),
      refuse: (retryAfter) => events.push(`429 ${name} retry ${retryAfter}`),
      gone: () => hungUp.has(name),
    });
  return { gate, events, hungUp, deliver, settle, advance: (ms: number) => (clock += ms) };
}

describe("webhook front gate", () => {
  it("lets deliveries in up to its concurrency and the rest in arrival order as places free", () => {
    const { gate, events, deliver, settle } = setup();
    ["a", "b", "c", "d"].forEach(deliver);
    expect(events).toEqual(["in a", "in b"]);
    expect(gate.counts).toEqual({ inside: 2, waiting: 2 });
    gate.release();
    gate.release();
    settle();
    expect(events).toEqual(["in a", "in b", "in c", "in d"]);
    expect(gate.counts).toEqual({ inside: 2, waiting: 0 });
  });

  it("refuses a delivery that waited maxWaitMs, with Retry-After, and never lets it in later", () => {
    const { gate, events, deliver, settle, advance } = setup();
    ["a", "b", "c"].forEach(deliver);
    advance(1_000);
    deliver("d");
    advance(999);
    expect(gate.refuseOverdue()).toBe(0);
    advance(1);
    expect(gate.refuseOverdue()).toBe(1);
    gate.release();
    settle();
    expect(events).toEqual(["in a", "in b", "429 c retry 2", "in d"]);
  });

  it("refuses at once when the queue is full", () => {
    const { events, deliver } = setup();
    ["a", "b", "c", "d", "e", "f"].forEach(deliver);
    expect(events).toEqual(["in a", "in b", "429 f retry 2"]);
  });

  it("skips a sender that hung up while waiting, without an answer", () => {
    const { gate, events, hungUp, deliver, settle, advance } = setup();
    ["a", "b", "c", "d"].forEach(deliver);
    hungUp.add("c");
    gate.release();
    settle();
    expect(events).toEqual(["in a", "in b", "in d"]);
    deliver("e");
    hungUp.add("e");
    advance(5_000);
    expect(gate.refuseOverdue()).toBe(0);
    expect(gate.counts).toEqual({ inside: 2, waiting: 0 });
  });

  it("keeps order over many turns of its queue", () => {
    const { gate, events, deliver, settle } = setup({ concurrency: 1, maxQueued: 10_000 });
    for (let i = 0; i < 5_000; i++) deliver(String(i));
    for (let i = 0; i < 5_000; i++) {
      gate.release();
      settle();
    }
    expect(events).toEqual(Array.from({ length: 5_000 }, (_, i) => `in ${i}`));
    expect(gate.counts).toEqual({ inside: 0, waiting: 0 });
  });

  it("fills a freed place on a later turn, never inside the release", () => {
    const { gate, events, deliver, settle } = setup({ concurrency: 1 });
    ["a", "b", "c"].forEach(deliver);
    gate.release();
    expect(events).toEqual(["in a"]);
    expect(gate.counts).toEqual({ inside: 0, waiting: 2 });
    gate.release(); // a second release before the turn: still one refill, and no place counted twice
    settle();
    expect(events).toEqual(["in a", "in b"]);
    expect(gate.counts).toEqual({ inside: 1, waiting: 1 });
  });

  it("keeps arrival order while a refill is pending: a newcomer waits behind the queue", () => {
    const { gate, events, deliver, settle } = setup({ concurrency: 1 });
    ["a", "b"].forEach(deliver);
    gate.release();
    deliver("c");
    settle();
    expect(events).toEqual(["in a", "in b"]);
    expect(gate.counts).toEqual({ inside: 1, waiting: 1 });
  });

  it("refuses the overdue when a delivery arrives or a place is refilled, without its timer", () => {
    const { gate, events, deliver, settle, advance } = setup({ maxQueued: 10 });
    ["a", "b", "c", "d"].forEach(deliver);
    advance(2_000);
    deliver("e");
    expect(events).toEqual(["in a", "in b", "429 c retry 2", "429 d retry 2"]);
    advance(2_000);
    gate.release();
    settle();
    // e waited its 2 s too: refused at the refill rather than let in late.
    expect(events).toEqual(["in a", "in b", "429 c retry 2", "429 d retry 2", "429 e retry 2"]);
    expect(gate.counts).toEqual({ inside: 1, waiting: 0 });
  });
});

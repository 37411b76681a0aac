import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { FrontGate } from "./front-gate";
import { gatedEmit } from "./webhook-front-gate";

// The front gate on a real HTTP server, in front of a listener standing in for Next.js. The
// listener answers at once (as the route does when it refuses), so without a turn between an
// answer and the next delivery let in, every waiting delivery would go through in one run of
// microtasks: no timer, no socket read, meanwhile.

const servers: http.Server[] = [];

afterEach(async () => {
  await Promise.all(
    servers.splice(0).map((server) => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(resolve));
    }),
  );
});

async function gatedServer(gate: FrontGate, listener: http.RequestListener): Promise<string> {
  const server = http.createServer(listener);
  server.emit = gatedEmit(gate, server.emit as never) as typeof server.emit;
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** Polls (no time limit of its own: the test's timeout is the limit) until `ready` holds. */
async function until(ready: () => boolean): Promise<void> {
  while (!ready()) await new Promise((resolve) => setTimeout(resolve, 5));
}

// Concurrent deliveries go on connections of their own (fetch's pool), as from many senders.
const deliver = (base: string, name: string) =>
  fetch(`${base}/api/webhooks/highlevel?d=${name}`, { method: "POST", body: JSON.stringify({ name }) });

describe("webhook front gate on an HTTP server", () => {
  it("lets each waiting delivery in on a later turn of the event loop than the answer that freed its place", async () => {
    const gate = new FrontGate({ concurrency: 1, maxWaitMs: 60_000, maxQueued: 100 });
    let held: http.ServerResponse | undefined;
    // Set by an answer, cleared by the next turn's setImmediate: still set when a delivery comes in = same turn.
    let answeredThisTurn = false;
    const sameTurn: boolean[] = [];
    const base = await gatedServer(gate, (_request, response) => {
      if (!held) {
        held = response; // the first stays inside until every other one is waiting
        return;
      }
      sameTurn.push(answeredThisTurn);
      answeredThisTurn = true;
      setImmediate(() => (answeredThisTurn = false));
      response.writeHead(429, { "retry-after": "1" }).end();
    });
    const answers = Array.from({ length: 8 }, (_, i) => deliver(base, String(i)));
    await until(() => gate.counts.waiting === 7);
    answeredThisTurn = true;
    setImmediate(() => (answeredThisTurn = false));
    held!.writeHead(429, { "retry-after": "1" }).end();
    const statuses = (await Promise.all(answers)).map((response) => response.status);
    expect(statuses).toEqual(Array(8).fill(429));
    expect(sameTurn).toEqual(Array(7).fill(false));
    expect(gate.counts).toEqual({ inside: 0, waiting: 0 });
  });

  it("answers an overdue delivery 429 with Retry-After from the gate when the next one arrives", async () => {
    const gate = new FrontGate({ concurrency: 1, maxWaitMs: 0, maxQueued: 100 });
    let held: http.ServerResponse | undefined;
    const base = await gatedServer(gate, (_request, response) => {
      if (!held) held = response;
      else response.writeHead(200).end("{}");
    });
    const first = deliver(base, "first");
    await until(() => held !== undefined);
    const second = deliver(base, "second");
    await until(() => gate.counts.waiting === 1);
    // No timer refuses here (none was started): the third's arrival refuses the second, overdue.
    const third = deliver(base, "third");
    const refused = await second;
    expect(refused.status).toBe(429);
    expect(refused.headers.get("retry-after")).toBe("1");
    expect(await refused.json()).toMatchObject({ code: expect.any(String) });
    held!.writeHead(200).end("{}");
    expect((await first).status).toBe(200);
    // The third waited behind the first: when its place came, it was overdue too (maxWaitMs 0).
    expect((await third).status).toBe(429);
  });
});

import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDatabase, getPrisma } from "@/lib/db";
import { databaseUrlFor } from "@/lib/db/maintenance";
import { resetDatabase } from "@/lib/testing/database";
import { TcpProxy } from "@/lib/testing/tcp-proxy";
import { postWebhook } from "@/lib/testing/webhooks";
import { acknowledgeDelivery } from "./acknowledge";
import { drainEvents } from "./worker";
import { ACK_DEADLINE_MS } from "./webhook-route";
import { highLevel } from "@/lib/providers/highlevel";

// The app reaches its database through a proxy this test can cut. On CI the database behind
// it is the machine's PostgreSQL; without DATABASE_URL it is PGlite served over the wire
// protocol, so the app uses the same PostgreSQL driver either way.

let proxy: TcpProxy;
let configuredUrl: string | undefined;
/** The machine's PostgreSQL itself (not through the proxy), as an administrator would connect. */
let pgliteServer: PGLiteSocketServer | null = null;

beforeAll(async () => {
  await closeDatabase();
  let upstream: { host: string; port: number; database: string; user: string };
  const configured = process.env.DATABASE_URL;
  configuredUrl = configured;
  if (configured) {
    const url = new URL(configured);
    upstream = {
      host: url.hostname,
      port: Number(url.port || 5432),
      database: url.pathname.slice(1),
      user: decodeURIComponent(url.username || "postgres"),
    };
  } else {
    const db = await PGlite.create("memory://");
    pgliteServer = new PGLiteSocketServer({ db, port: 0, host: "127.0.0.1", maxConnections: 4 });
    await pgliteServer.start();
    const port = Number(pgliteServer.getServerConn().split(":").at(-1));
    upstream = { host: "127.0.0.1", port, database: "postgres", user: "postgres" };
    process.env.DATABASE_POOL_MAX = "1";
  }
  proxy = new TcpProxy(upstream);
  await proxy.start();
  process.env.DATABASE_URL = `postgresql://${upstream.user}@127.0.0.1:${proxy.port}/${upstream.database}`;
  await resetDatabase();
});

afterAll(async () => {
  await closeDatabase();
  await proxy.stop();
  await pgliteServer?.stop();
});

const message = (id: string) => ({
  type: "InboundMessage",
  locationId: "loc-outage",
  contactId: "c-outage",
  conversationId: "conv-outage",
  messageType: "SMS",
  direction: "inbound",
  body: `body of ${id}`,
  messageId: id,
  dateAdded: "2025-05-05T05:05:05Z",
});

/** Stores a delivery the way the route does, without letting a worker run. */
function postRawWithoutWorker(payload: object) {
  return acknowledgeDelivery(highLevel, Buffer.from(JSON.stringify(payload)), payload, null);
}

async function messageCount(externalId: string) {
  return (await getPrisma()).message.count({ where: { externalId } });
}

describe("database unreachable", () => {
  it("answers 429 with Retry-After while the database is down, and stores the redelivery after it returns", async () => {
    await getPrisma(); // connected and migrated before the outage
    proxy.cut();
    const during = await postWebhook("highlevel", message("down-1"));
    expect(during.status).toBe(429);
    expect(during.headers.get("retry-after")).toMatch(/^\d+$/);
    expect(during.json.error).toMatch(/database unavailable/);

    proxy.restore();
    const after = await postWebhook("highlevel", message("down-1"));
    expect(after.status).toBe(200);
    expect(after.outcome?.status).toBe("processed");
    expect(await messageCount("down-1")).toBe(1);
  });

  it("a database lost as the insert is sent is never answered 2xx; the retry stores and processes it", async () => {
    // Cut the moment the app sends the event-log INSERT: whether it landed is unknown to the app.
    proxy.cutOnClientData((chunk) => chunk.includes('INSERT INTO "webhook_events"'));
    const during = await postWebhook("highlevel", message("mid-1"));
    expect(during.status).toBe(429);
    expect(during.json.error).toMatch(/database unavailable/);

    proxy.restore();
    // HighLevel retries after a 429: stored now (or found stored), then processed by the worker.
    const retry = await postWebhook("highlevel", message("mid-1"));
    expect(retry.status).toBe(200);
    expect(["received", "duplicate"]).toContain(retry.json.status);
    await drainEvents();
    expect(await messageCount("mid-1")).toBe(1);
  });

  it("a database that stops answering gets a 429 within the deadline, never a hang or a 500", async () => {
    await getPrisma();
    proxy.freeze();
    const started = Date.now();
    const during = await postWebhook("highlevel", message("frozen-1"));
    const took = Date.now() - started;
    proxy.cut(); // drop the frozen connections, so the pool starts afresh
    proxy.restore();
    expect(during.status).toBe(429);
    expect(during.headers.get("retry-after")).toMatch(/^\d+$/);
    expect(took).toBeGreaterThanOrEqual(ACK_DEADLINE_MS - 100);
    expect(took).toBeLessThan(ACK_DEADLINE_MS + 1_000);
    const retry = await postWebhook("highlevel", message("frozen-1"));
    expect(retry.status).toBe(200);
    expect(await messageCount("frozen-1")).toBe(1);
  }, 20_000);

  it("a database lost while the worker applies an event leaves it queued; a later pass processes it", async () => {
    const stored = await postRawWithoutWorker(message("worker-1"));
    expect(stored.status).toBe("received");
    proxy.cutOnClientData((chunk) => chunk.includes("BEGIN"));
    const during = await drainEvents({ leaseMs: 500 });
    expect(during["database-unavailable"]).toBeGreaterThan(0);
    proxy.restore();
    expect(await messageCount("worker-1")).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 600)); // its lease runs out
    expect((await drainEvents()).processed).toBe(1);
    expect(await messageCount("worker-1")).toBe(1);
    const event = await (await getPrisma()).webhookEvent.findUniqueOrThrow({ where: { id: stored.eventId } });
    expect(event.status).toBe("processed");
  });

  // PostgreSQL's own "not now" errors, not a cut socket: the app's backends terminated by an
  // administrator (SQLSTATE 57P01, which Prisma 7 wraps under meta.driverAdapterError) while the
  // database refuses new connections for a moment, as during a restart.
  describe.runIf(Boolean(process.env.DATABASE_URL) && !pgliteServer)("on PostgreSQL", () => {
    it("terminated backends and refused connections answer 429, never 500; after it the delivery is stored", async () => {
      await getPrisma();
      const target = new URL(process.env.DATABASE_URL!);
      const database = target.pathname.slice(1);
      const admin = new pg.Client({ connectionString: databaseUrlFor(configuredUrl!, "postgres") });
      await admin.connect();
      try {
        await admin.query(`ALTER DATABASE "${database}" ALLOW_CONNECTIONS false`);
        const terminated = await admin.query(
          "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()",
          [database],
        );
        expect(terminated.rowCount).toBeGreaterThan(0);
        const answers = await Promise.all([1, 2, 3].map((n) => postWebhook("highlevel", message(`restart-${n}`))));
        expect(answers.map((answer) => answer.status)).toEqual([429, 429, 429]);
      } finally {
        await admin.query(`ALTER DATABASE "${database}" ALLOW_CONNECTIONS true`);
        await admin.end();
      }
      const after = await postWebhook("highlevel", message("restart-1"));
      expect(after.status).toBe(200);
      expect(await messageCount("restart-1")).toBe(1);
    });
  });
});

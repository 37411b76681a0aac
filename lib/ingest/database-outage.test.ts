import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDatabase, getPrisma } from "@/lib/db";
import { CLAIM_LEASE_MS } from "@/lib/webhook-events";
import { resetDatabase } from "@/lib/testing/database";
import { TcpProxy } from "@/lib/testing/tcp-proxy";
import { postWebhook } from "@/lib/testing/webhooks";

// The app reaches its database through a proxy this test can cut. On CI the database behind
// it is the machine's PostgreSQL; without DATABASE_URL it is PGlite served over the wire
// protocol, so the app uses the same PostgreSQL driver either way.

let proxy: TcpProxy;
let pgliteServer: PGLiteSocketServer | null = null;

beforeAll(async () => {
  await closeDatabase();
  let upstream: { host: string; port: number; database: string; user: string };
  const configured = process.env.DATABASE_URL;
  if (configured) {
    const url = new URL(configured);
    upstream = { host: url.hostname, port: Number(url.port || 5432), database: url.pathname.slice(1), user: decodeURIComponent(url.username || "postgres") };
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
  type: "InboundMessage", locationId: "loc-outage", contactId: "c-outage", conversationId: "conv-outage",
  messageType: "SMS", direction: "inbound", body: `body of ${id}`, messageId: id, dateAdded: "2025-05-05T05:05:05Z",
});

async function messageCount(externalId: string) {
  return (await getPrisma()).message.count({ where: { externalId } });
}

describe("database unreachable", () => {
  it("answers 429 with Retry-After while the database is down, and stores the redelivery after it returns", async () => {
    await getPrisma(); // connected and migrated before the outage
    proxy.cut();
    const during = await postWebhook("leadconnector", message("down-1"));
    expect(during.status).toBe(429);
    expect(during.headers.get("retry-after")).toMatch(/^\d+$/);
    expect(during.json.error).toMatch(/database unavailable/);

    proxy.restore();
    const after = await postWebhook("leadconnector", message("down-1"));
    expect(after.status).toBe(200);
    expect(after.json.status).toBe("processed");
    expect(await messageCount("down-1")).toBe(1);
  });

  it("a database lost mid-delivery (after the raw event is logged) is never answered 2xx, and the retry completes it", async () => {
    // Cut as the processing transaction begins: the raw event is in the log, the message is not.
    proxy.cutOnClientData((chunk) => chunk.includes("BEGIN"));
    const during = await postWebhook("leadconnector", message("mid-1"));
    expect(during.status).toBe(429);

    proxy.restore();
    const stored = await (await getPrisma()).webhookEvent.findFirst({ where: { dedupeKey: { contains: "mid-1" } } });
    expect(stored?.status).not.toBe("processed");
    expect(await messageCount("mid-1")).toBe(0);

    // HighLevel retries after a 429; the retry takes over the unfinished event.
    const retry = await postWebhook("leadconnector", message("mid-1"));
    expect(retry.status).toBe(200);
    expect(retry.json).toMatchObject({ status: "processed", eventId: stored?.id });
    expect(await messageCount("mid-1")).toBe(1);
    const event = await (await getPrisma()).webhookEvent.findUniqueOrThrow({ where: { id: stored!.id } });
    expect(event.status).toBe("processed");
    expect(event.attempts).toBeGreaterThanOrEqual(2);
  }, CLAIM_LEASE_MS * 4);
});

import { expect, test } from "@playwright/test";
import { SPARE_PORT } from "./run-paths";
import {
  deliver,
  freshDatabase,
  query,
  smsEvent,
  startApp,
  stopProcess,
  waitForEmptyBacklog,
  type Delivery,
} from "./app-processes";

// The built app killed with SIGKILL while its worker is mid-batch, then started again: every
// delivery it had acknowledged is processed, with nobody running a replay.

test.use({ storageState: { cookies: [], origins: [] } });

test("SIGKILL mid-batch: after a restart every acknowledged event is processed with no manual step", {
  tag: "@db",
}, async () => {
  test.setTimeout(240_000);
  const database = await freshDatabase("threadline_e2e_crash");
  // A short lease so that the restarted worker takes over the dead one's events within seconds.
  const workerEnv = {
    THREADLINE_WORKER_CONCURRENCY: "1",
    THREADLINE_WORKER_BATCH: "20",
    THREADLINE_WORKER_LEASE_SECONDS: "3",
  };
  // Slow processing down for the first run (a real trigger, 100 ms per stored message), so the
  // kill surely lands while a batch is claimed and half done: the app creates the tables, then
  // the trigger goes in while nothing holds the database.
  await stopProcess((await startApp(database, SPARE_PORT, workerEnv)).child);
  await query(
    database,
    `CREATE FUNCTION slow_down() RETURNS trigger AS $$ BEGIN PERFORM pg_sleep(0.1); RETURN NEW; END $$ LANGUAGE plpgsql`,
  );
  await query(database, "CREATE TRIGGER slow_down BEFORE INSERT ON messages FOR EACH ROW EXECUTE FUNCTION slow_down()");
  const first = await startApp(database, SPARE_PORT, workerEnv);

  const acknowledged: Delivery[] = [];
  let next = 0;
  let killed = false;
  const sender = async () => {
    while (!killed && next < 3_000) {
      const delivery = await deliver(first.url, smsEvent("crash", next++));
      if (delivery.status === 200) acknowledged.push(delivery);
    }
  };
  const senders = Array.from({ length: 16 }, sender);
  await expect.poll(() => acknowledged.length, { timeout: 60_000 }).toBeGreaterThanOrEqual(150);
  first.child.kill("SIGKILL");
  killed = true;
  await Promise.all(senders);
  await stopProcess(first.child);
  const ids = acknowledged.map((delivery) => delivery.eventId!);

  // Nothing acknowledged was lost by the kill, and the worker died mid-batch: an event is still
  // claimed (processing, under a lease nobody will finish). On the embedded database the worker
  // and the acks share one connection, so the unfinished ones may be deliveries stored but not
  // yet answered when the kill came: they must be processed too.
  const before = await query<{ status: string; count: number }>(
    database,
    "SELECT status, count(*)::int AS count FROM webhook_events GROUP BY status",
  );
  console.log("crash: statuses at the kill", JSON.stringify(before));
  const stored = await query<{ id: string }>(database, "SELECT id FROM webhook_events WHERE id = ANY($1::text[])", [
    ids,
  ]);
  expect(stored).toHaveLength(ids.length);
  expect(before.find((row) => row.status === "processing")?.count ?? 0).toBeGreaterThan(0);
  const unfinished = before.filter((row) => row.status !== "processed").reduce((sum, row) => sum + row.count, 0);
  await query(database, "DROP TRIGGER slow_down ON messages");

  const second = await startApp(database, SPARE_PORT, workerEnv);
  const waited = await waitForEmptyBacklog(second.url, 120_000);
  console.log(
    `crash: ${ids.length} acknowledged, ${unfinished} unfinished at the kill, all processed ${waited} ms after the restart`,
  );
  await stopProcess(second.child);

  const after = await query<{ status: string; count: number }>(
    database,
    "SELECT status, count(*)::int AS count FROM webhook_events GROUP BY status",
  );
  expect(after).toEqual([{ status: "processed", count: before.reduce((sum, row) => sum + row.count, 0) }]);
  const messages = await query<{ count: number }>(
    database,
    `SELECT count(DISTINCT external_id)::int AS count FROM messages WHERE webhook_event_id = ANY($1::text[])`,
    [ids],
  );
  expect(messages[0]!.count).toBe(ids.length);
});

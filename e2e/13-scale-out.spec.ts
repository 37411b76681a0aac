import { expect, test } from "@playwright/test";
import { SPARE_PORT } from "./run-paths";
import {
  deliver,
  freshDatabase,
  query,
  smsEvent,
  startApp,
  startWorker,
  stopProcess,
  waitForEmptyBacklog,
  type Delivery,
} from "./app-processes";

// Several app instances and separate workers on one PostgreSQL: every event applied exactly
// once. The embedded database is one process by design, so this runs on PostgreSQL only.

test.use({ storageState: { cookies: [], origins: [] } });

if (process.env.E2E_DATABASE_URL) {
  test("two app processes and two workers on one PostgreSQL: 1,000 deliveries with 20 % redeliveries, each event applied once", {
    tag: "@db",
  }, async () => {
    test.setTimeout(300_000);
    const database = await freshDatabase("threadline_e2e_scale");
    // What this proves is that two workers and two apps never take the same event (SKIP LOCKED), so
    // no lease may run out meanwhile: on a starved CI machine a 30 s lease did (attempts 2 on 105
    // events), which is the crash recovery e2e/12 proves, not a second application.
    const processEnv = { THREADLINE_WORKER_LEASE_SECONDS: "600" };
    const apps = [
      await startApp(database, SPARE_PORT + 1, processEnv),
      await startApp(database, SPARE_PORT + 2, processEnv),
    ];
    const workers = [startWorker(database, processEnv), startWorker(database, processEnv)];

    // 800 distinct messages plus 200 redeliveries of them, sent to either app, concurrently.
    const payloads = Array.from({ length: 800 }, (_, n) => smsEvent("scale", n));
    const sends = [...payloads, ...payloads.filter((_, n) => n % 4 === 0)].map((payload, i) => ({
      payload,
      app: apps[i % 2]!,
    }));
    const answers: Delivery[] = [];
    let next = 0;
    const sender = async () => {
      for (let job = sends[next++]; job; job = sends[next++]) answers.push(await deliver(job.app.url, job.payload));
    };
    await Promise.all(Array.from({ length: 24 }, sender));

    expect(answers.filter((a) => a.status !== 200)).toEqual([]);
    expect(answers.filter((a) => a.answer === "received")).toHaveLength(800);
    expect(answers.filter((a) => a.answer === "duplicate")).toHaveLength(200);

    await waitForEmptyBacklog(apps[0]!.url, 120_000);
    await Promise.all([...apps.map((app) => stopProcess(app.child)), ...workers.map((worker) => stopProcess(worker))]);

    const events = await query<{ status: string; attempts: number; count: number }>(
      database,
      "SELECT status, attempts, count(*)::int AS count FROM webhook_events GROUP BY status, attempts",
    );
    // Each event claimed once and finished once: no lease ran out, no second application.
    expect(events).toEqual([{ status: "processed", attempts: 1, count: 800 }]);
    const messages = await query<{ messages: number; distinct: number; events: number }>(
      database,
      `SELECT count(*)::int AS messages, count(DISTINCT external_id)::int AS distinct,
              count(DISTINCT webhook_event_id)::int AS events FROM messages`,
    );
    expect(messages[0]).toEqual({ messages: 800, distinct: 800, events: 800 });
  });
}

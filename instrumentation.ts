// Runs once when the Next.js server starts.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { getDatabase } = await import("./lib/db");
  // Open (and migrate) the database before the first request rather than during it.
  await getDatabase();
  const { ensureFirstOwner } = await import("./lib/auth/first-owner");
  await ensureFirstOwner();
  const { startInProcessWorker, stopInProcessWorker } = await import("./lib/ingest/in-process-worker");
  startInProcessWorker();
  // Next stops accepting requests and finishes open ones on SIGTERM; meanwhile the worker
  // finishes the events it is applying and hands back the ones it claimed but did not start.
  process.once("SIGTERM", () => void stopInProcessWorker());
  const { startDemoSeeding } = await import("./lib/demo/auto-seed");
  startDemoSeeding();
}

// Runs once when the Next.js server starts.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { getDatabase } = await import("./lib/db");
  // Open (and migrate) the database before the first request rather than during it.
  await getDatabase();
  const { ensureFirstOwner } = await import("./lib/access/first-owner");
  await ensureFirstOwner();
  const { startInProcessWorker } = await import("./lib/ingest/in-process-worker");
  startInProcessWorker({ stopOnSigterm: true });
  const { startDemoSeeding } = await import("./lib/demo/auto-seed");
  startDemoSeeding();
}

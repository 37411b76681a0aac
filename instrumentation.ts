// Runs once when the Next.js server starts.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // Before anything opens: production mail without THREADLINE_PUBLIC_URL is a start-up error.
  const { assertMailStartable } = await import("./lib/mail/config");
  assertMailStartable();
  // First: every request gets its socket address before Next sees it (client addresses, #11).
  const { installSocketStamp } = await import("./lib/access/authentication/socket-stamp");
  installSocketStamp();
  // Then the webhook queue in front of Next.js: a delivery over capacity gets a cheap 429, not a wait (#28).
  const { installWebhookFrontGate } = await import("./lib/http/webhook-front-gate");
  installWebhookFrontGate();
  const { getDatabase } = await import("./lib/db");
  // Open (and migrate) the database before the first request rather than during it.
  await getDatabase();
  const { ensureFirstOwner } = await import("./lib/access/people/first-owner");
  await ensureFirstOwner();
  const { startInProcessWorkers } = await import("./lib/worker/in-process");
  startInProcessWorkers();
  // Every instance sweeps the mail outbox (SKIP LOCKED keeps them apart); nothing without SMTP_URL.
  const { startMailSweep } = await import("./lib/mail/sender");
  startMailSweep();
  const { startDemoSeeding } = await import("./lib/demo/auto-seed");
  startDemoSeeding();
}

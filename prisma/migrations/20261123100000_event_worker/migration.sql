-- The event log becomes a durable queue a worker drains.
-- The raw delivery is kept as the bytes the provider signed: jsonb refuses NUL and lone
-- surrogates, which a signed body may carry; the worker reads them leniently.
ALTER TABLE "webhook_events" ADD COLUMN "raw_body" BYTEA;
UPDATE "webhook_events" SET "raw_body" = convert_to("payload"::text, 'UTF8');
ALTER TABLE "webhook_events" ALTER COLUMN "raw_body" SET NOT NULL;
ALTER TABLE "webhook_events" DROP COLUMN "payload";

-- When anyone may next take the event: now for a new one, the end of the lease while a worker
-- holds it ("processing"), the end of the backoff after a failed attempt. One column, so the
-- claim is one index range.
ALTER TABLE "webhook_events" ADD COLUMN "available_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;
UPDATE "webhook_events" SET "available_at" = COALESCE("locked_until", "received_at");
ALTER TABLE "webhook_events" DROP COLUMN "locked_until";

ALTER TABLE "webhook_events" ADD CONSTRAINT "webhook_events_status_check"
  CHECK ("status" IN ('received', 'processing', 'processed', 'failed', 'ignored'));

CREATE INDEX "webhook_events_pending_idx" ON "webhook_events"("available_at")
  WHERE "status" IN ('received', 'processing');
-- The event log page lists an account's events newest first.
CREATE INDEX "webhook_events_account_received_at_idx"
  ON "webhook_events"("provider", "account_external_id", "received_at" DESC);

-- Calls people can read: a call's summary and transcript on the message itself (so the list
-- preview and the existing per-word search plan see them), and the full transcript, keyed by the
-- provider's message id so a Voice AI report can arrive before or after its call.
ALTER TABLE "messages" ADD COLUMN "call_summary" TEXT;
ALTER TABLE "messages" ADD COLUMN "transcript_text" TEXT;
DROP INDEX "messages_search_vector_gin";
ALTER TABLE "messages" DROP COLUMN "search_vector";
-- Written by the database, never by the app: subject, plain-text body, and a call's summary and transcript, word-indexed.
ALTER TABLE "messages" ADD COLUMN "search_vector" tsvector GENERATED ALWAYS AS (
    to_tsvector('simple'::regconfig, coalesce("subject", '') || ' ' || coalesce("body_text", '') || ' ' ||
        coalesce("call_summary", '') || ' ' || coalesce("transcript_text", ''))
) STORED;
CREATE INDEX "messages_search_vector_gin" ON "messages" USING GIN ("search_vector");

CREATE TABLE "call_transcripts" (
    "id" TEXT NOT NULL,
    "account_id" TEXT NOT NULL,
    "message_external_id" TEXT NOT NULL,
    "voice_ai_call_id" TEXT,
    "agent_id" TEXT,
    "summary" TEXT,
    "sentences" JSONB NOT NULL DEFAULT '[]',
    "extracted_data" JSONB,
    "placeholder_message_id" TEXT,
    "fetch_status" TEXT,
    "fetch_attempts" INTEGER NOT NULL DEFAULT 0,
    "fetch_available_at" TIMESTAMPTZ(3),
    "fetch_error" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "call_transcripts_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "call_transcripts_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "accounts"("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "call_transcripts_fetch_status_check" CHECK ("fetch_status" IN ('pending', 'fetched', 'failed'))
);
CREATE UNIQUE INDEX "call_transcripts_account_id_message_external_id_key" ON "call_transcripts"("account_id", "message_external_id");
-- The transcript fetcher's queue: only rows still waiting are indexed.
CREATE INDEX "call_transcripts_fetch_due_idx" ON "call_transcripts"("fetch_available_at") WHERE "fetch_status" = 'pending';

-- A customer's notes, tasks and appointments (HighLevel Note*/Task*/Appointment* webhooks).
-- provider_updated_at: the version of the last applied change, so older updates never win;
-- deleted_at: deletes are final (HighLevel never reuses an id), a late update cannot revive.
CREATE TABLE "customer_notes" (
    "id" TEXT NOT NULL,
    "account_id" TEXT NOT NULL,
    "customer_id" TEXT,
    "external_id" TEXT NOT NULL,
    "body" TEXT,
    "author_external_id" TEXT,
    "added_at" TIMESTAMPTZ(3),
    "provider_updated_at" TIMESTAMPTZ(3),
    "deleted_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "customer_notes_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "customer_notes_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "accounts"("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "customer_notes_customer_id_fkey" FOREIGN KEY ("customer_id") REFERENCES "customers"("id") ON DELETE SET NULL ON UPDATE CASCADE
);
CREATE UNIQUE INDEX "customer_notes_account_id_external_id_key" ON "customer_notes"("account_id", "external_id");
CREATE INDEX "customer_notes_customer_id_idx" ON "customer_notes"("customer_id");

CREATE TABLE "customer_tasks" (
    "id" TEXT NOT NULL,
    "account_id" TEXT NOT NULL,
    "customer_id" TEXT,
    "external_id" TEXT NOT NULL,
    "title" TEXT,
    "body" TEXT,
    "assigned_to" TEXT,
    "due_at" TIMESTAMPTZ(3),
    "completed_at" TIMESTAMPTZ(3),
    "added_at" TIMESTAMPTZ(3),
    "provider_updated_at" TIMESTAMPTZ(3),
    "deleted_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "customer_tasks_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "customer_tasks_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "accounts"("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "customer_tasks_customer_id_fkey" FOREIGN KEY ("customer_id") REFERENCES "customers"("id") ON DELETE SET NULL ON UPDATE CASCADE
);
CREATE UNIQUE INDEX "customer_tasks_account_id_external_id_key" ON "customer_tasks"("account_id", "external_id");
CREATE INDEX "customer_tasks_customer_id_idx" ON "customer_tasks"("customer_id");

CREATE TABLE "customer_appointments" (
    "id" TEXT NOT NULL,
    "account_id" TEXT NOT NULL,
    "customer_id" TEXT,
    "external_id" TEXT NOT NULL,
    "title" TEXT,
    "status" TEXT,
    "calendar_id" TEXT,
    "address" TEXT,
    "notes" TEXT,
    "assigned_user_id" TEXT,
    "starts_at" TIMESTAMPTZ(3),
    "ends_at" TIMESTAMPTZ(3),
    "added_at" TIMESTAMPTZ(3),
    "provider_updated_at" TIMESTAMPTZ(3),
    "deleted_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "customer_appointments_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "customer_appointments_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "accounts"("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "customer_appointments_customer_id_fkey" FOREIGN KEY ("customer_id") REFERENCES "customers"("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "customer_appointments_status_check" CHECK ("status" IN ('new', 'confirmed', 'cancelled', 'showed', 'noshow', 'invalid', 'unknown'))
);
CREATE UNIQUE INDEX "customer_appointments_account_id_external_id_key" ON "customer_appointments"("account_id", "external_id");
CREATE INDEX "customer_appointments_customer_id_idx" ON "customer_appointments"("customer_id");

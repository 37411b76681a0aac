-- CreateTable
CREATE TABLE "accounts" (
    "id" TEXT NOT NULL,
    "provider" TEXT NOT NULL,
    "external_id" TEXT NOT NULL,
    "name" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "accounts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "customers" (
    "id" TEXT NOT NULL,
    "account_id" TEXT NOT NULL,
    "external_id" TEXT NOT NULL,
    "first_name" TEXT,
    "last_name" TEXT,
    "name" TEXT,
    "phone" TEXT,
    "phone_e164" TEXT,
    "email" TEXT,
    "email_normalized" TEXT,
    "tags" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "sms_consent" TEXT,
    "source_channel" TEXT,
    "provider_updated_at" TIMESTAMPTZ(3),
    "deleted_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "customers_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "conversations" (
    "id" TEXT NOT NULL,
    "account_id" TEXT NOT NULL,
    "customer_id" TEXT,
    "external_id" TEXT NOT NULL,
    "last_message_at" TIMESTAMPTZ(3),
    "last_message_id" TEXT,
    "last_message_preview" TEXT,
    "last_message_channel" TEXT,
    "last_message_direction" TEXT,
    "message_kinds" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "unread_count" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "conversations_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "messages" (
    "id" TEXT NOT NULL,
    "account_id" TEXT NOT NULL,
    "conversation_id" TEXT NOT NULL,
    "external_id" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "direction" TEXT NOT NULL,
    "status" TEXT,
    "body" TEXT,
    "body_text" TEXT,
    "content_type" TEXT,
    "subject" TEXT,
    "email_from" TEXT,
    "email_to" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "email_cc" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "email_bcc" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "email_thread_id" TEXT,
    "email_message_id" TEXT,
    "call_duration_seconds" INTEGER,
    "call_outcome" TEXT,
    "author_name" TEXT,
    "author_external_id" TEXT,
    "source" TEXT,
    "sent_at" TIMESTAMPTZ(3) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "webhook_event_id" TEXT,
    -- Written by the database, never by the app: subject and plain-text body, word-indexed.
    "search_vector" tsvector GENERATED ALWAYS AS (
        to_tsvector('simple'::regconfig, coalesce("subject", '') || ' ' || coalesce("body_text", ''))
    ) STORED,
    CONSTRAINT "messages_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "attachments" (
    "id" TEXT NOT NULL,
    "message_id" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "url" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "playable" BOOLEAN NOT NULL,
    CONSTRAINT "attachments_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "opportunities" (
    "id" TEXT NOT NULL,
    "account_id" TEXT NOT NULL,
    "customer_id" TEXT,
    "external_id" TEXT NOT NULL,
    "name" TEXT,
    "pipeline_id" TEXT,
    "pipeline_name" TEXT,
    "stage_id" TEXT,
    "stage_name" TEXT,
    "status" TEXT,
    "monetary_value" DECIMAL(14,2),
    "currency" TEXT,
    "score" INTEGER,
    "owner_id" TEXT,
    "owner_name" TEXT,
    "provider_updated_at" TIMESTAMPTZ(3),
    "deleted_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "opportunities_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "webhook_events" (
    "id" TEXT NOT NULL,
    "provider" TEXT NOT NULL,
    "dedupe_key" TEXT NOT NULL,
    "event_type" TEXT,
    "account_external_id" TEXT,
    "payload" JSONB NOT NULL,
    "status" TEXT NOT NULL,
    "error" TEXT,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "locked_until" TIMESTAMPTZ(3),
    "received_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "processed_at" TIMESTAMPTZ(3),
    CONSTRAINT "webhook_events_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "accounts_provider_external_id_key" ON "accounts"("provider", "external_id");
CREATE UNIQUE INDEX "customers_account_id_external_id_key" ON "customers"("account_id", "external_id");
CREATE INDEX "customers_phone_e164_idx" ON "customers"("phone_e164");
CREATE INDEX "customers_email_normalized_idx" ON "customers"("email_normalized");
CREATE UNIQUE INDEX "conversations_account_id_external_id_key" ON "conversations"("account_id", "external_id");
CREATE INDEX "conversations_last_message_at_id_idx" ON "conversations"("last_message_at" DESC, "id" DESC);
CREATE INDEX "conversations_customer_id_idx" ON "conversations"("customer_id");
CREATE UNIQUE INDEX "messages_account_id_external_id_direction_key" ON "messages"("account_id", "external_id", "direction");
CREATE INDEX "messages_conversation_id_sent_at_id_idx" ON "messages"("conversation_id", "sent_at", "id");
CREATE UNIQUE INDEX "attachments_message_id_position_key" ON "attachments"("message_id", "position");
CREATE UNIQUE INDEX "opportunities_account_id_external_id_key" ON "opportunities"("account_id", "external_id");
CREATE INDEX "opportunities_customer_id_idx" ON "opportunities"("customer_id");
CREATE UNIQUE INDEX "webhook_events_provider_dedupe_key_key" ON "webhook_events"("provider", "dedupe_key");
CREATE INDEX "webhook_events_status_received_at_idx" ON "webhook_events"("status", "received_at");

-- Indexes Prisma's schema language cannot express: array overlap for channel/direction
-- filters and full-text search over messages.
CREATE INDEX "conversations_message_kinds_gin" ON "conversations" USING GIN ("message_kinds");
CREATE INDEX "messages_search_vector_gin" ON "messages" USING GIN ("search_vector");

-- AddForeignKey
ALTER TABLE "customers" ADD CONSTRAINT "customers_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "accounts"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "conversations" ADD CONSTRAINT "conversations_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "accounts"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "conversations" ADD CONSTRAINT "conversations_customer_id_fkey" FOREIGN KEY ("customer_id") REFERENCES "customers"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "messages" ADD CONSTRAINT "messages_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "accounts"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "messages" ADD CONSTRAINT "messages_conversation_id_fkey" FOREIGN KEY ("conversation_id") REFERENCES "conversations"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_message_id_fkey" FOREIGN KEY ("message_id") REFERENCES "messages"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "opportunities" ADD CONSTRAINT "opportunities_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "accounts"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "opportunities" ADD CONSTRAINT "opportunities_customer_id_fkey" FOREIGN KEY ("customer_id") REFERENCES "customers"("id") ON DELETE SET NULL ON UPDATE CASCADE;

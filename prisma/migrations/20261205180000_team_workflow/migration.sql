-- The team's workflow (issue #24): who a conversation is assigned to, until when it is snoozed,
-- internal notes with @mentions, and the activity lines the thread shows for each action.

-- A conversation is snoozed while snoozed_until is in the future and no customer message arrived
-- after snoozed_at (the customer writing again wakes it at once, without waiting for the job).
ALTER TABLE "conversations" ADD COLUMN "assignee_id" TEXT;
ALTER TABLE "conversations" ADD COLUMN "snoozed_until" TIMESTAMPTZ(3);
ALTER TABLE "conversations" ADD COLUMN "snoozed_at" TIMESTAMPTZ(3);
ALTER TABLE "conversations" ADD CONSTRAINT "conversations_assignee_id_fkey" FOREIGN KEY ("assignee_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;
CREATE INDEX "conversations_assignee_idx" ON "conversations"("assignee_id", "last_message_at" DESC, "id" DESC) WHERE "assignee_id" IS NOT NULL;
CREATE INDEX "conversations_snoozed_idx" ON "conversations"("snoozed_until", "id") WHERE "snoozed_until" IS NOT NULL;

-- A note is Threadline's only: never sent to a provider. author_name is kept so a removed
-- person's notes still say who wrote them.
CREATE TABLE "conversation_notes" (
    "id" TEXT NOT NULL,
    "account_id" TEXT NOT NULL,
    "conversation_id" TEXT NOT NULL,
    "author_id" TEXT,
    "author_name" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "conversation_notes_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "conversation_notes_conversation_idx" ON "conversation_notes"("conversation_id", "created_at");
ALTER TABLE "conversation_notes" ADD CONSTRAINT "conversation_notes_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "accounts"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "conversation_notes" ADD CONSTRAINT "conversation_notes_conversation_id_fkey" FOREIGN KEY ("conversation_id") REFERENCES "conversations"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "conversation_notes" ADD CONSTRAINT "conversation_notes_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- A person mentioned in a note: in their Mentions view until they open the conversation.
CREATE TABLE "note_mentions" (
    "note_id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "conversation_id" TEXT NOT NULL,
    "seen_at" TIMESTAMPTZ(3),
    CONSTRAINT "note_mentions_pkey" PRIMARY KEY ("note_id", "user_id")
);
CREATE INDEX "note_mentions_user_idx" ON "note_mentions"("user_id", "conversation_id");
ALTER TABLE "note_mentions" ADD CONSTRAINT "note_mentions_note_id_fkey" FOREIGN KEY ("note_id") REFERENCES "conversation_notes"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "note_mentions" ADD CONSTRAINT "note_mentions_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "note_mentions" ADD CONSTRAINT "note_mentions_conversation_id_fkey" FOREIGN KEY ("conversation_id") REFERENCES "conversations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- What people did to a conversation, for its timeline ("Ana assigned this to Ben · 10:02").
CREATE TABLE "conversation_activities" (
    "id" TEXT NOT NULL,
    "account_id" TEXT NOT NULL,
    "conversation_id" TEXT NOT NULL,
    "actor_id" TEXT,
    "actor_name" TEXT,
    "kind" TEXT NOT NULL,
    "detail" JSONB NOT NULL DEFAULT '{}',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "conversation_activities_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "conversation_activities_kind_check" CHECK ("kind" IN ('assigned', 'unassigned', 'snoozed', 'unsnoozed', 'woke', 'done', 'reopened'))
);
CREATE INDEX "conversation_activities_conversation_idx" ON "conversation_activities"("conversation_id", "created_at");
ALTER TABLE "conversation_activities" ADD CONSTRAINT "conversation_activities_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "accounts"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "conversation_activities" ADD CONSTRAINT "conversation_activities_conversation_id_fkey" FOREIGN KEY ("conversation_id") REFERENCES "conversations"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "conversation_activities" ADD CONSTRAINT "conversation_activities_actor_id_fkey" FOREIGN KEY ("actor_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

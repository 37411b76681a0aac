-- Bulk actions (issue #24 item 8): one action on many conversations at once, undoable as one.
-- What each conversation was before is kept beside the action, so Undo puts back exactly that
-- field of exactly those conversations (whatever a colleague changed on another field meanwhile).
CREATE TABLE "bulk_actions" (
    "id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "detail" JSONB NOT NULL DEFAULT '{}',
    "count" INTEGER NOT NULL,
    -- Of those, how many it changed (Undo tells how many of these are gone since).
    "changed" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "undone_at" TIMESTAMPTZ(3),
    CONSTRAINT "bulk_actions_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "bulk_actions_kind_check" CHECK ("kind" IN ('done', 'assign', 'label', 'unlabel', 'snooze', 'read', 'unread'))
);
CREATE INDEX "bulk_actions_created_at_idx" ON "bulk_actions"("created_at");
ALTER TABLE "bulk_actions" ADD CONSTRAINT "bulk_actions_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- One row per conversation the action touched, with the columns its kind changes as they were.
CREATE TABLE "bulk_action_items" (
    "bulk_action_id" TEXT NOT NULL,
    "conversation_id" TEXT NOT NULL,
    "account_id" TEXT NOT NULL,
    -- The action changes this conversation (it was not already as asked): only these are changed,
    -- get a line in the timeline, and are put back by Undo.
    "changed" BOOLEAN NOT NULL,
    "prev_assignee_id" TEXT,
    "prev_done_at" TIMESTAMPTZ(3),
    "prev_awaiting_reply_since" TIMESTAMPTZ(3),
    "prev_callback_since" TIMESTAMPTZ(3),
    "prev_snoozed_until" TIMESTAMPTZ(3),
    "prev_snoozed_at" TIMESTAMPTZ(3),
    -- Read state: whether the person had a read row, and what it said.
    "prev_read_row" BOOLEAN,
    "prev_read_at" TIMESTAMPTZ(3),
    "prev_marked_unread" BOOLEAN,
    CONSTRAINT "bulk_action_items_pkey" PRIMARY KEY ("bulk_action_id", "conversation_id")
);
ALTER TABLE "bulk_action_items" ADD CONSTRAINT "bulk_action_items_bulk_action_id_fkey" FOREIGN KEY ("bulk_action_id") REFERENCES "bulk_actions"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "bulk_action_items" ADD CONSTRAINT "bulk_action_items_conversation_id_fkey" FOREIGN KEY ("conversation_id") REFERENCES "conversations"("id") ON DELETE CASCADE ON UPDATE CASCADE;
CREATE INDEX "bulk_action_items_conversation_idx" ON "bulk_action_items"("conversation_id");

-- Every list row (and every search result) counts the reader's unread customer messages, up to
-- UNREAD_COUNT_CAP (lib/triage/read-state.ts), and finds a running callback's promised time
-- (callbackDue and callback_urgent, lib/inbox/conversation-views.ts). Both walked the
-- conversation's messages on messages_conversation_id_sent_at_id_idx and read each row from the
-- table to test `direction` or `callback_due_at`: ~105 rows read per unread conversation for 53
-- counted, 2,735 of a search page's 4,575 buffers at 1M messages (#28 item 5). With the test in the
-- index's WHERE the count is an index-only scan (0.17 → 0.02 ms per row), and the callback index
-- holds only the few Voice AI messages that promised a time.
CREATE INDEX IF NOT EXISTS "messages_inbound_conversation_sent_at_idx" ON "messages"("conversation_id", "sent_at") WHERE "direction" = 'inbound';
CREATE INDEX IF NOT EXISTS "messages_callback_due_conversation_idx" ON "messages"("conversation_id", "sent_at") INCLUDE ("callback_due_at") WHERE "callback_due_at" IS NOT NULL;

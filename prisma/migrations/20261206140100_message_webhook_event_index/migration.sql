-- The event log links an event to the conversation it stored a message in.
CREATE INDEX "messages_webhook_event_id_idx" ON "messages"("webhook_event_id");

-- Closed vocabularies, enforced where the data lives: the same lists as lib/vocabulary.ts
-- (lib/db/schema.test.ts fails if the two drift apart).
ALTER TABLE "accounts" ADD CONSTRAINT "accounts_provider_check" CHECK ("provider" IN ('leadconnector', 'voxity'));
ALTER TABLE "webhook_events" ADD CONSTRAINT "webhook_events_provider_check" CHECK ("provider" IN ('leadconnector', 'voxity'));
ALTER TABLE "messages" ADD CONSTRAINT "messages_channel_check"
  CHECK ("channel" IN ('sms', 'call', 'voicemail', 'email', 'facebook', 'instagram', 'gmb', 'live_chat', 'whatsapp', 'other'));
ALTER TABLE "messages" ADD CONSTRAINT "messages_direction_check" CHECK ("direction" IN ('inbound', 'outbound'));
ALTER TABLE "messages" ADD CONSTRAINT "messages_call_outcome_check"
  CHECK ("call_outcome" IN ('answered', 'voicemail', 'no_answer', 'busy', 'failed', 'in_progress', 'unknown'));
ALTER TABLE "conversations" ADD CONSTRAINT "conversations_last_message_channel_check"
  CHECK ("last_message_channel" IN ('sms', 'call', 'voicemail', 'email', 'facebook', 'instagram', 'gmb', 'live_chat', 'whatsapp', 'other'));
ALTER TABLE "conversations" ADD CONSTRAINT "conversations_last_message_direction_check"
  CHECK ("last_message_direction" IN ('inbound', 'outbound'));
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_kind_check"
  CHECK ("kind" IN ('image', 'audio', 'video', 'recording', 'voicemail', 'file'));
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_role_check" CHECK ("role" IN ('owner', 'member'));
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_role_check" CHECK ("role" IN ('owner', 'member'));

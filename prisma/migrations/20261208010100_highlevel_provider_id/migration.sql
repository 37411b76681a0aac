-- HighLevel's provider id is 'highlevel' in code (issue #23; LeadConnector is the brand of
-- HighLevel's API). The id is stored as TEXT under a CHECK in two places only: accounts.provider and
-- webhook_events.provider (20261123120000_vocabularies). No function, trigger, view or index
-- compares it with a literal; the unique indexes (provider, …) cannot collide, since the old CHECK
-- never allowed both ids. Safe to run again: it drops what it re-adds and renames only old rows.
ALTER TABLE "accounts" DROP CONSTRAINT IF EXISTS "accounts_provider_check";
ALTER TABLE "webhook_events" DROP CONSTRAINT IF EXISTS "webhook_events_provider_check";
UPDATE "accounts" SET "provider" = 'highlevel' WHERE "provider" = 'leadconnector';
UPDATE "webhook_events" SET "provider" = 'highlevel' WHERE "provider" = 'leadconnector';
ALTER TABLE "accounts" ADD CONSTRAINT "accounts_provider_check" CHECK ("provider" IN ('highlevel', 'voxity'));
ALTER TABLE "webhook_events" ADD CONSTRAINT "webhook_events_provider_check" CHECK ("provider" IN ('highlevel', 'voxity'));

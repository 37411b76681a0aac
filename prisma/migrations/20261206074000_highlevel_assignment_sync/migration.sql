-- Assignment synced with HighLevel (issue #24): a Threadline member linked to a HighLevel user,
-- a per-account switch, what HighLevel last said a contact's assignee was, and when each
-- conversation's assignment last changed (a conflict resolves to the later change).

-- When a conversation's assignee last changed: stamped by the database whenever assignee_id
-- changes, unless the writer sets it itself (HighLevel's own change carries HighLevel's time).
ALTER TABLE "conversations" ADD COLUMN "assigned_at" TIMESTAMPTZ(3);
UPDATE "conversations" c SET "assigned_at" = (
  SELECT max(a."created_at") FROM "conversation_activities" a
  WHERE a."conversation_id" = c."id" AND a."kind" IN ('assigned', 'unassigned'))
WHERE c."assignee_id" IS NOT NULL;
CREATE FUNCTION conversations_stamp_assignment() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.assignee_id IS DISTINCT FROM OLD.assignee_id AND NEW.assigned_at IS NOT DISTINCT FROM OLD.assigned_at THEN
    NEW.assigned_at := now();
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER conversations_assignment_stamped BEFORE UPDATE OF "assignee_id" ON "conversations"
  FOR EACH ROW EXECUTE FUNCTION conversations_stamp_assignment();

-- The owner's switch, and how the last fetch of the location's users went. Off by default.
CREATE TABLE "highlevel_sync_settings" (
    "account_id" TEXT NOT NULL,
    "assignment_sync" BOOLEAN NOT NULL DEFAULT false,
    "users_fetched_at" TIMESTAMPTZ(3),
    "users_error" TEXT,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "highlevel_sync_settings_pkey" PRIMARY KEY ("account_id")
);
ALTER TABLE "highlevel_sync_settings" ADD CONSTRAINT "highlevel_sync_settings_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "accounts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- An owner's choice of a member's HighLevel user (null: "Not linked"). Members without a row are
-- matched by email with the location's users (teammates); an owner's choice wins over a match.
CREATE TABLE "highlevel_user_links" (
    "account_id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "highlevel_user_id" TEXT,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "highlevel_user_links_pkey" PRIMARY KEY ("account_id", "user_id")
);
-- One HighLevel user is one member: HighLevel's assignment maps back to exactly one person.
CREATE UNIQUE INDEX "highlevel_user_links_highlevel_user_key" ON "highlevel_user_links"("account_id", "highlevel_user_id") WHERE "highlevel_user_id" IS NOT NULL;
ALTER TABLE "highlevel_user_links" ADD CONSTRAINT "highlevel_user_links_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "accounts"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "highlevel_user_links" ADD CONSTRAINT "highlevel_user_links_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- What HighLevel last said (a contact webhook) or was last told (our PUT) a contact's assignee is,
-- and HighLevel's time of it: a webhook that repeats it is no change, an older one is stale.
CREATE TABLE "highlevel_contact_assignments" (
    "customer_id" TEXT NOT NULL,
    "account_id" TEXT NOT NULL,
    "highlevel_user_id" TEXT,
    "changed_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "highlevel_contact_assignments_pkey" PRIMARY KEY ("customer_id")
);
ALTER TABLE "highlevel_contact_assignments" ADD CONSTRAINT "highlevel_contact_assignments_customer_id_fkey" FOREIGN KEY ("customer_id") REFERENCES "customers"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "highlevel_contact_assignments" ADD CONSTRAINT "highlevel_contact_assignments_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "accounts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "conversation_activities" DROP CONSTRAINT "conversation_activities_kind_check";
ALTER TABLE "conversation_activities" ADD CONSTRAINT "conversation_activities_kind_check"
  CHECK ("kind" IN ('assigned', 'unassigned', 'snoozed', 'unsnoozed', 'woke', 'done', 'reopened', 'labeled', 'unlabeled',
    'highlevel_assigned', 'highlevel_synced', 'highlevel_sync_retrying', 'highlevel_sync_failed', 'highlevel_not_synced'));

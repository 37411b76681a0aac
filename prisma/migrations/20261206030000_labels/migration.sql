-- Labels (issue #24 item 6): an account's own words for its conversations ("Billing", "VIP"),
-- managed by its owners, applied by anyone, filtered on, shown as chips. Colours are names of
-- the design tokens (the chart palette), so they follow the theme.
CREATE TABLE "labels" (
    "id" TEXT NOT NULL,
    "account_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "color" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "labels_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "labels_color_check" CHECK ("color" IN ('blue', 'amber', 'green', 'rose', 'violet', 'cyan', 'olive', 'slate'))
);
-- One "Billing" per account, whatever its case.
CREATE UNIQUE INDEX "labels_account_name_key" ON "labels"("account_id", lower("name"));
ALTER TABLE "labels" ADD CONSTRAINT "labels_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "accounts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "conversation_labels" (
    "conversation_id" TEXT NOT NULL,
    "label_id" TEXT NOT NULL,
    "added_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "conversation_labels_pkey" PRIMARY KEY ("conversation_id", "label_id")
);
-- The label filter walks from the label to its conversations.
CREATE INDEX "conversation_labels_label_idx" ON "conversation_labels"("label_id", "conversation_id");
ALTER TABLE "conversation_labels" ADD CONSTRAINT "conversation_labels_conversation_id_fkey" FOREIGN KEY ("conversation_id") REFERENCES "conversations"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "conversation_labels" ADD CONSTRAINT "conversation_labels_label_id_fkey" FOREIGN KEY ("label_id") REFERENCES "labels"("id") ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "conversation_activities" DROP CONSTRAINT "conversation_activities_kind_check";
ALTER TABLE "conversation_activities" ADD CONSTRAINT "conversation_activities_kind_check"
  CHECK ("kind" IN ('assigned', 'unassigned', 'snoozed', 'unsnoozed', 'woke', 'done', 'reopened', 'labeled', 'unlabeled'));

-- Password-reset and confirmation mails are capped per address (3 in 15 minutes, 10 a day;
-- lib/access/auth-mail.ts): each request counts that address's recent rows, by this index.
CREATE INDEX "mail_outbox_recipient_created_at_idx" ON "mail_outbox"("recipient", "created_at");

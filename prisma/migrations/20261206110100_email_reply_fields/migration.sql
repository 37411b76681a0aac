-- Email replies (issue #27): a person's email signature, added under every email reply they send
-- (never under SMS or other channels); the Cc and Bcc a draft holds, kept as typed (a draft may
-- hold a half-typed address; the send validates them); and the signature a reply went out with, so
-- a retry sends what the thread shows even after the person changes their signature.
ALTER TABLE "users" ADD COLUMN "email_signature" TEXT;
ALTER TABLE "users" ADD CONSTRAINT "users_email_signature_length"
  CHECK ("email_signature" IS NULL OR char_length("email_signature") <= 2000);
ALTER TABLE "reply_drafts" ADD COLUMN "cc" TEXT;
ALTER TABLE "reply_drafts" ADD COLUMN "bcc" TEXT;
ALTER TABLE "replies" ADD COLUMN "email_signature" TEXT;

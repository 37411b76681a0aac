-- Replies count in the reports' response times per person (issue #27, "Who said it"). A reply's
-- message now carries its sender's id, 'threadline:user:<user id>' (lib/senders/sender.ts), as a
-- HighLevel message carries its user's: the report triggers group waits and messages by it, so a
-- reply is no longer "Unattributed". Replies stored before carried none: they get theirs here
-- (the statement trigger recomputes the touched conversations' rollups).
UPDATE "messages" m SET "author_external_id" = 'threadline:user:' || r."author_user_id"
FROM "replies" r
WHERE r."message_id" = m."id" AND m."author_external_id" IS NULL AND r."author_user_id" IS NOT NULL;

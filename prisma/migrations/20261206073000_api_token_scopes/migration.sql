-- API tokens read, unless an owner made one that may also send replies (issue #27 item 8):
-- 'read' (every token made before this, and the default) or 'send'.
ALTER TABLE "api_tokens" ADD COLUMN "scope" TEXT NOT NULL DEFAULT 'read';
ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_scope_check" CHECK ("scope" IN ('read', 'send'));

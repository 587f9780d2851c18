-- Outbox rows written before one-time tokens were sealed carry the live token in link_path
-- (`/set-password#token=…`). Strip it; a row not sent yet can no longer carry a working link, so
-- it is marked failed (the user asks for a new link), and its account token is voided.
UPDATE "account_tokens" SET "used_at" = now()
WHERE "used_at" IS NULL AND "user_id" IN (
  SELECT "recipient_user_id" FROM "notifications"
  WHERE "link_path" LIKE '%#token=%' AND "status" IN ('pending', 'sending', 'digest')
);
--> statement-breakpoint
UPDATE "notifications"
SET "status" = CASE WHEN "status" IN ('pending', 'sending', 'digest') THEN 'failed' ELSE "status" END,
    "last_error" = CASE WHEN "status" IN ('pending', 'sending', 'digest') THEN 'link vervallen bij het versleutelen van eenmalige links' ELSE "last_error" END,
    "locked_until" = NULL,
    "link_path" = split_part("link_path", '#', 1)
WHERE "link_path" LIKE '%#token=%';

CREATE TABLE "inbox_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"event" text NOT NULL,
	"reference" text,
	"link_path" text DEFAULT '/' NOT NULL,
	"params" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"dedupe_key" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"read_at" timestamp with time zone,
	CONSTRAINT "inbox_items_dedupe_key_unique" UNIQUE("dedupe_key")
);
--> statement-breakpoint
ALTER TABLE "inbox_items" ADD CONSTRAINT "inbox_items_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "inbox_items_list" ON "inbox_items" USING btree ("user_id","created_at","id");--> statement-breakpoint
CREATE INDEX "inbox_items_unread" ON "inbox_items" USING btree ("user_id","created_at","id") WHERE "inbox_items"."read_at" is null;--> statement-breakpoint
-- What the outbox already told each user becomes their inbox, read: no flood of unread items.
INSERT INTO "inbox_items" ("user_id", "event", "reference", "link_path", "params", "dedupe_key", "created_at", "read_at")
SELECT "recipient_user_id", "event", "reference", "link_path", "params", "dedupe_key", "created_at", "created_at"
FROM "notifications"
WHERE "event" NOT IN ('invitation', 'password-reset', 'digest')
ON CONFLICT DO NOTHING;

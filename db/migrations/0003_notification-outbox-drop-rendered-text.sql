ALTER TABLE "notifications" DROP COLUMN "subject";--> statement-breakpoint
ALTER TABLE "notifications" DROP COLUMN "body_text";
ALTER TABLE "interpretation_requests" ADD COLUMN "retention_failures" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "interpretation_requests" ADD COLUMN "retention_retry_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "interpretation_requests" ADD COLUMN "retention_last_error" text;
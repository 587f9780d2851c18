ALTER TABLE "extension_requests" ADD COLUMN "decision_reason_code" text;--> statement-breakpoint
ALTER TABLE "assignments" ADD COLUMN "close_cause" text;--> statement-breakpoint
ALTER TABLE "request_status_events" ADD COLUMN "reason_code" text;--> statement-breakpoint
ALTER TABLE "assignments" ADD CONSTRAINT "assignments_close_cause" CHECK ("assignments"."close_cause" is null or "assignments"."close_cause" in ('declined','request-closed','request-cancelled','request-withdrawn','assignment-ended','proposal-withdrawn'));
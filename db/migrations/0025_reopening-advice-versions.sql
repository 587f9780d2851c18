ALTER TABLE "advice" DROP CONSTRAINT "advice_request_id_unique";--> statement-breakpoint
ALTER TABLE "advice" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "advice" ADD CONSTRAINT "advice_request_version" UNIQUE("request_id","version");--> statement-breakpoint
ALTER TABLE "advice" ADD CONSTRAINT "advice_version_positive" CHECK ("advice"."version" >= 1);
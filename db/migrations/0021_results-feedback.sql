CREATE TABLE "request_feedback" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"request_id" uuid NOT NULL,
	"answered" text NOT NULL,
	"usefulness" integer NOT NULL,
	"changes" text[] NOT NULL,
	"comment" text,
	"given_by" uuid NOT NULL,
	"given_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "request_feedback_request_id_unique" UNIQUE("request_id"),
	CONSTRAINT "request_feedback_answered" CHECK ("request_feedback"."answered" in ('yes','partly','no')),
	CONSTRAINT "request_feedback_usefulness" CHECK ("request_feedback"."usefulness" between 1 and 5)
);
--> statement-breakpoint
ALTER TABLE "request_feedback" ADD CONSTRAINT "request_feedback_request_id_interpretation_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."interpretation_requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_feedback" ADD CONSTRAINT "request_feedback_given_by_users_id_fk" FOREIGN KEY ("given_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "request_feedback_given_at" ON "request_feedback" USING btree ("given_at");
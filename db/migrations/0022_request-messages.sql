CREATE TABLE "advice_drafts" (
	"request_id" uuid PRIMARY KEY NOT NULL,
	"assignment_id" uuid NOT NULL,
	"summary" text NOT NULL,
	"body" text NOT NULL,
	"version" integer NOT NULL,
	"updated_by" uuid NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "request_message_reads" (
	"request_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"last_read_seq" bigint NOT NULL,
	"read_at" timestamp with time zone NOT NULL,
	CONSTRAINT "request_message_reads_request_id_user_id_pk" PRIMARY KEY("request_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "request_messages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"request_id" uuid NOT NULL,
	"author_id" uuid NOT NULL,
	"author_role" text NOT NULL,
	"body" text NOT NULL,
	"internal" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"seq" bigint GENERATED ALWAYS AS IDENTITY (sequence name "request_messages_seq_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1)
);
--> statement-breakpoint
ALTER TABLE "interpretation_requests" ALTER COLUMN "reference" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "interpretation_requests" ALTER COLUMN "municipality_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "interpretation_requests" ALTER COLUMN "deliverable" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "interpretation_requests" ADD COLUMN "follow_up_of_id" uuid;--> statement-breakpoint
ALTER TABLE "request_status_events" ADD COLUMN "changed_fields" text[];--> statement-breakpoint
ALTER TABLE "advice_drafts" ADD CONSTRAINT "advice_drafts_request_id_interpretation_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."interpretation_requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "advice_drafts" ADD CONSTRAINT "advice_drafts_assignment_id_assignments_id_fk" FOREIGN KEY ("assignment_id") REFERENCES "public"."assignments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "advice_drafts" ADD CONSTRAINT "advice_drafts_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_message_reads" ADD CONSTRAINT "request_message_reads_request_id_interpretation_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."interpretation_requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_message_reads" ADD CONSTRAINT "request_message_reads_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_messages" ADD CONSTRAINT "request_messages_request_id_interpretation_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."interpretation_requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_messages" ADD CONSTRAINT "request_messages_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "request_message_reads_user" ON "request_message_reads" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "request_messages_request" ON "request_messages" USING btree ("request_id","seq");--> statement-breakpoint
ALTER TABLE "interpretation_requests" ADD CONSTRAINT "interpretation_requests_follow_up_of_id_interpretation_requests_id_fk" FOREIGN KEY ("follow_up_of_id") REFERENCES "public"."interpretation_requests"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interpretation_requests" ADD CONSTRAINT "interpretation_requests_submitted_complete" CHECK ("interpretation_requests"."status" = 'draft' or ("interpretation_requests"."reference" is not null and "interpretation_requests"."municipality_id" is not null and "interpretation_requests"."deliverable" is not null));
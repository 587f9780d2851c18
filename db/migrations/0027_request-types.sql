CREATE TABLE "request_reach" (
	"request_id" uuid NOT NULL,
	"category" text NOT NULL,
	"participants" integer NOT NULL,
	"recorded_by" uuid NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL,
	CONSTRAINT "request_reach_request_id_category_pk" PRIMARY KEY("request_id","category"),
	CONSTRAINT "request_reach_participants" CHECK ("request_reach"."participants" between 0 and 2000)
);
--> statement-breakpoint
CREATE TABLE "municipality_members" (
	"municipality_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	CONSTRAINT "municipality_members_municipality_id_user_id_pk" PRIMARY KEY("municipality_id","user_id")
);
--> statement-breakpoint
ALTER TABLE "ledger_group_totals" DROP CONSTRAINT "ledger_group_totals_budget_year_specialist_id_activity_municipality_id_case_table_id_pk";--> statement-breakpoint
ALTER TABLE "ledger_group_totals" ALTER COLUMN "case_table_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "interpretation_requests" ALTER COLUMN "case_table_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "interpretation_requests" ADD COLUMN "type" text DEFAULT 'case-interpretation' NOT NULL;--> statement-breakpoint
ALTER TABLE "interpretation_requests" ADD COLUMN "audiences" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "interpretation_requests" ADD COLUMN "expected_participants" integer;--> statement-breakpoint
ALTER TABLE "interpretation_requests" ADD COLUMN "place" text;--> statement-breakpoint
ALTER TABLE "request_reach" ADD CONSTRAINT "request_reach_request_id_interpretation_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."interpretation_requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_reach" ADD CONSTRAINT "request_reach_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "municipality_members" ADD CONSTRAINT "municipality_members_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "municipality_members" ADD CONSTRAINT "municipality_members_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "municipality_members_user" ON "municipality_members" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "interpretation_requests_type_triage_due" ON "interpretation_requests" USING btree ("type","status",coalesce("triage_due_at", 'infinity'::timestamptz),"id");--> statement-breakpoint
CREATE INDEX "interpretation_requests_municipality_recent" ON "interpretation_requests" USING btree ("municipality_id",coalesce("submitted_at", '-infinity'::timestamptz) desc,"created_at" DESC NULLS FIRST,"id");--> statement-breakpoint
ALTER TABLE "ledger_group_totals" ADD CONSTRAINT "ledger_group_totals_group" UNIQUE NULLS NOT DISTINCT("budget_year","specialist_id","activity","municipality_id","case_table_id");--> statement-breakpoint
ALTER TABLE "interpretation_requests" ADD CONSTRAINT "interpretation_requests_type" CHECK ("interpretation_requests"."type" in ('case-interpretation','consultation','training','information-session','local-activity-support','analysis'));--> statement-breakpoint
ALTER TABLE "interpretation_requests" ADD CONSTRAINT "interpretation_requests_requesting_organisation" CHECK ("interpretation_requests"."case_table_id" is not null or ("interpretation_requests"."type" <> 'case-interpretation' and "interpretation_requests"."municipality_id" is not null));--> statement-breakpoint
ALTER TABLE "interpretation_requests" ADD CONSTRAINT "interpretation_requests_expected_participants" CHECK ("interpretation_requests"."expected_participants" is null or "interpretation_requests"."expected_participants" between 1 and 2000);--> statement-breakpoint
-- Backfill: every request made before types existed is a case interpretation (the column's
-- default already gave them that value; written out so the migration says it).
UPDATE "interpretation_requests" SET "type" = 'case-interpretation';

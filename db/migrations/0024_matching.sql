CREATE TABLE "service_level_targets" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"triage_working_days" integer NOT NULL,
	"triage_urgent_working_hours" integer NOT NULL,
	"proposal_answer_working_days" integer NOT NULL,
	"advice_working_days" integer NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "service_level_targets_one_row" CHECK ("service_level_targets"."id" = 1),
	CONSTRAINT "service_level_targets_range" CHECK ("service_level_targets"."triage_working_days" between 1 and 10 and "service_level_targets"."proposal_answer_working_days" between 1 and 10 and "service_level_targets"."advice_working_days" between 1 and 10 and "service_level_targets"."triage_urgent_working_hours" between 1 and 40)
);
--> statement-breakpoint
CREATE TABLE "case_table_standing_specialists" (
	"case_table_id" uuid NOT NULL,
	"specialist_id" uuid NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "case_table_standing_specialists_case_table_id_specialist_id_pk" PRIMARY KEY("case_table_id","specialist_id")
);
--> statement-breakpoint
CREATE TABLE "specialist_conflicts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"specialist_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"municipality_id" uuid,
	"case_table_id" uuid,
	"safety_house_id" uuid,
	"note" text DEFAULT '' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "specialist_conflicts_target" UNIQUE NULLS NOT DISTINCT("specialist_id","municipality_id","case_table_id","safety_house_id"),
	CONSTRAINT "specialist_conflicts_one_target" CHECK (("specialist_conflicts"."kind" = 'municipality' and "specialist_conflicts"."municipality_id" is not null and "specialist_conflicts"."case_table_id" is null and "specialist_conflicts"."safety_house_id" is null)
       or ("specialist_conflicts"."kind" = 'case-table' and "specialist_conflicts"."case_table_id" is not null and "specialist_conflicts"."municipality_id" is null and "specialist_conflicts"."safety_house_id" is null)
       or ("specialist_conflicts"."kind" = 'safety-house' and "specialist_conflicts"."safety_house_id" is not null and "specialist_conflicts"."municipality_id" is null and "specialist_conflicts"."case_table_id" is null))
);
--> statement-breakpoint
ALTER TABLE "interpretation_requests" ADD COLUMN "triage_due_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "service_level_targets" ADD CONSTRAINT "service_level_targets_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_table_standing_specialists" ADD CONSTRAINT "case_table_standing_specialists_case_table_id_case_tables_id_fk" FOREIGN KEY ("case_table_id") REFERENCES "public"."case_tables"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_table_standing_specialists" ADD CONSTRAINT "case_table_standing_specialists_specialist_id_specialists_id_fk" FOREIGN KEY ("specialist_id") REFERENCES "public"."specialists"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_table_standing_specialists" ADD CONSTRAINT "case_table_standing_specialists_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "specialist_conflicts" ADD CONSTRAINT "specialist_conflicts_specialist_id_specialists_id_fk" FOREIGN KEY ("specialist_id") REFERENCES "public"."specialists"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "specialist_conflicts" ADD CONSTRAINT "specialist_conflicts_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "specialist_conflicts" ADD CONSTRAINT "specialist_conflicts_case_table_id_case_tables_id_fk" FOREIGN KEY ("case_table_id") REFERENCES "public"."case_tables"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "specialist_conflicts" ADD CONSTRAINT "specialist_conflicts_safety_house_id_safety_houses_id_fk" FOREIGN KEY ("safety_house_id") REFERENCES "public"."safety_houses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "specialist_conflicts" ADD CONSTRAINT "specialist_conflicts_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "case_table_standing_specialists_specialist" ON "case_table_standing_specialists" USING btree ("specialist_id");--> statement-breakpoint
CREATE INDEX "specialist_conflicts_specialist" ON "specialist_conflicts" USING btree ("specialist_id");--> statement-breakpoint
CREATE INDEX "interpretation_requests_triage_due" ON "interpretation_requests" USING btree ("status",coalesce("triage_due_at", 'infinity'::timestamptz),"id");--> statement-breakpoint
CREATE INDEX "interpretation_requests_due" ON "interpretation_requests" USING btree (coalesce("triage_due_at", 'infinity'::timestamptz),"id");
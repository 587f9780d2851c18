CREATE TABLE "budget_threshold_crossings" (
	"year" integer NOT NULL,
	"percent" integer NOT NULL,
	"crossed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "budget_threshold_crossings_year_percent_pk" PRIMARY KEY("year","percent")
);
--> statement-breakpoint
CREATE TABLE "closed_periods" (
	"month" text PRIMARY KEY NOT NULL,
	"closed_by" uuid NOT NULL,
	"closed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "closed_periods_month" CHECK ("closed_periods"."month" ~ '^[0-9]{4}-(0[1-9]|1[0-2])$')
);
--> statement-breakpoint
CREATE TABLE "extension_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"assignment_id" uuid NOT NULL,
	"extra_minutes" integer NOT NULL,
	"reason" text NOT NULL,
	"status" text DEFAULT 'requested' NOT NULL,
	"decision_reason" text,
	"requested_by" uuid NOT NULL,
	"requested_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	CONSTRAINT "extension_requests_status" CHECK ("extension_requests"."status" in ('requested','granted','refused')),
	CONSTRAINT "extension_requests_minutes" CHECK ("extension_requests"."extra_minutes" > 0)
);
--> statement-breakpoint
CREATE TABLE "ledger_day_totals" (
	"budget_year" integer NOT NULL,
	"worked_on" date NOT NULL,
	"pending_cents" bigint DEFAULT 0 NOT NULL,
	"spent_cents" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "ledger_day_totals_budget_year_worked_on_pk" PRIMARY KEY("budget_year","worked_on")
);
--> statement-breakpoint
CREATE TABLE "ledger_expertise_totals" (
	"budget_year" integer NOT NULL,
	"expertise_area_code" text NOT NULL,
	"pending_cents" bigint DEFAULT 0 NOT NULL,
	"spent_cents" bigint DEFAULT 0 NOT NULL,
	"entry_count" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "ledger_expertise_totals_budget_year_expertise_area_code_pk" PRIMARY KEY("budget_year","expertise_area_code")
);
--> statement-breakpoint
CREATE TABLE "ledger_group_totals" (
	"budget_year" integer NOT NULL,
	"specialist_id" uuid NOT NULL,
	"activity" text NOT NULL,
	"municipality_id" uuid NOT NULL,
	"case_table_id" uuid NOT NULL,
	"pending_cents" bigint DEFAULT 0 NOT NULL,
	"spent_cents" bigint DEFAULT 0 NOT NULL,
	"entry_count" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "ledger_group_totals_budget_year_specialist_id_activity_municipality_id_case_table_id_pk" PRIMARY KEY("budget_year","specialist_id","activity","municipality_id","case_table_id")
);
--> statement-breakpoint
CREATE TABLE "specialist_day_minutes" (
	"specialist_id" uuid NOT NULL,
	"worked_on" date NOT NULL,
	"minutes" integer NOT NULL,
	CONSTRAINT "specialist_day_minutes_specialist_id_worked_on_pk" PRIMARY KEY("specialist_id","worked_on"),
	CONSTRAINT "specialist_day_minutes_range" CHECK ("specialist_day_minutes"."minutes" >= 0 and "specialist_day_minutes"."minutes" <= 1440)
);
--> statement-breakpoint
ALTER TABLE "time_entries" DROP CONSTRAINT "time_entries_minutes";--> statement-breakpoint
DROP INDEX "time_entries_year";--> statement-breakpoint
ALTER TABLE "budgets" ADD COLUMN "threshold_percents" integer[] DEFAULT '{50,75,90,100}'::integer[] NOT NULL;--> statement-breakpoint
ALTER TABLE "time_entries" ADD COLUMN "corrects_entry_id" uuid;--> statement-breakpoint
ALTER TABLE "time_entries" ADD COLUMN "correction_reason" text;--> statement-breakpoint
ALTER TABLE "time_entries" ADD COLUMN "idempotency_key" text;--> statement-breakpoint
ALTER TABLE "budget_threshold_crossings" ADD CONSTRAINT "budget_threshold_crossings_year_budgets_year_fk" FOREIGN KEY ("year") REFERENCES "public"."budgets"("year") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "closed_periods" ADD CONSTRAINT "closed_periods_closed_by_users_id_fk" FOREIGN KEY ("closed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "extension_requests" ADD CONSTRAINT "extension_requests_assignment_id_assignments_id_fk" FOREIGN KEY ("assignment_id") REFERENCES "public"."assignments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "extension_requests" ADD CONSTRAINT "extension_requests_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "extension_requests" ADD CONSTRAINT "extension_requests_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_expertise_totals" ADD CONSTRAINT "ledger_expertise_totals_expertise_area_code_expertise_areas_code_fk" FOREIGN KEY ("expertise_area_code") REFERENCES "public"."expertise_areas"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_group_totals" ADD CONSTRAINT "ledger_group_totals_specialist_id_specialists_id_fk" FOREIGN KEY ("specialist_id") REFERENCES "public"."specialists"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_group_totals" ADD CONSTRAINT "ledger_group_totals_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_group_totals" ADD CONSTRAINT "ledger_group_totals_case_table_id_case_tables_id_fk" FOREIGN KEY ("case_table_id") REFERENCES "public"."case_tables"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "specialist_day_minutes" ADD CONSTRAINT "specialist_day_minutes_specialist_id_specialists_id_fk" FOREIGN KEY ("specialist_id") REFERENCES "public"."specialists"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "time_entries" ADD CONSTRAINT "time_entries_corrects_entry_id_time_entries_id_fk" FOREIGN KEY ("corrects_entry_id") REFERENCES "public"."time_entries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "time_entries_corrects" ON "time_entries" USING btree ("corrects_entry_id");--> statement-breakpoint
CREATE UNIQUE INDEX "time_entries_idempotency" ON "time_entries" USING btree ("created_by","idempotency_key");--> statement-breakpoint
CREATE INDEX "time_entries_year" ON "time_entries" USING btree ("budget_year","worked_on");--> statement-breakpoint
ALTER TABLE "time_entries" ADD CONSTRAINT "time_entries_minutes" CHECK (("time_entries"."corrects_entry_id" is null and "time_entries"."minutes" > 0 and "time_entries"."minutes" <= 1440 and "time_entries"."amount_cents" >= 0) or ("time_entries"."corrects_entry_id" is not null and "time_entries"."minutes" < 0 and "time_entries"."minutes" >= -1440 and "time_entries"."amount_cents" <= 0 and "time_entries"."correction_reason" is not null));
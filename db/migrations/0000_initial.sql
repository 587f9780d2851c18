CREATE TABLE "audit_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"occurred_at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_id" uuid,
	"action" text NOT NULL,
	"object_type" text NOT NULL,
	"object_id" text,
	"result" text NOT NULL,
	"ip" "inet",
	"user_agent" text,
	"details" jsonb
);
--> statement-breakpoint
CREATE TABLE "notifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event" text NOT NULL,
	"recipient_user_id" uuid,
	"recipient_email" text NOT NULL,
	"subject" text NOT NULL,
	"body_text" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone,
	"last_error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "advice" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"request_id" uuid NOT NULL,
	"assignment_id" uuid NOT NULL,
	"summary" text NOT NULL,
	"body" text NOT NULL,
	"delivered_by" uuid NOT NULL,
	"delivered_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "advice_request_id_unique" UNIQUE("request_id")
);
--> statement-breakpoint
CREATE TABLE "assignments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"request_id" uuid NOT NULL,
	"specialist_id" uuid NOT NULL,
	"status" text NOT NULL,
	"estimated_minutes" integer NOT NULL,
	"logged_minutes" integer DEFAULT 0 NOT NULL,
	"rate_cents" bigint NOT NULL,
	"reserved_cents" bigint NOT NULL,
	"budget_year" integer NOT NULL,
	"decline_reason" text,
	"proposed_by" uuid NOT NULL,
	"proposed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"responded_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	CONSTRAINT "assignments_status" CHECK ("assignments"."status" in ('proposed','accepted','declined')),
	CONSTRAINT "assignments_estimate_positive" CHECK ("assignments"."estimated_minutes" > 0),
	CONSTRAINT "assignments_logged_within_estimate" CHECK ("assignments"."logged_minutes" >= 0 and "assignments"."logged_minutes" <= "assignments"."estimated_minutes"),
	CONSTRAINT "assignments_reserved_nonnegative" CHECK ("assignments"."reserved_cents" >= 0)
);
--> statement-breakpoint
CREATE TABLE "budgets" (
	"year" integer PRIMARY KEY NOT NULL,
	"allocated_cents" bigint NOT NULL,
	"reserved_cents" bigint DEFAULT 0 NOT NULL,
	"pending_cents" bigint DEFAULT 0 NOT NULL,
	"spent_cents" bigint DEFAULT 0 NOT NULL,
	"funding_source" text NOT NULL,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "budgets_nonnegative" CHECK ("budgets"."allocated_cents" >= 0 and "budgets"."reserved_cents" >= 0 and "budgets"."pending_cents" >= 0 and "budgets"."spent_cents" >= 0),
	CONSTRAINT "budgets_available_nonnegative" CHECK ("budgets"."allocated_cents" - "budgets"."reserved_cents" - "budgets"."pending_cents" - "budgets"."spent_cents" >= 0)
);
--> statement-breakpoint
CREATE TABLE "time_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"assignment_id" uuid NOT NULL,
	"specialist_id" uuid NOT NULL,
	"worked_on" date NOT NULL,
	"minutes" integer NOT NULL,
	"activity" text NOT NULL,
	"description" text NOT NULL,
	"rate_cents" bigint NOT NULL,
	"amount_cents" bigint NOT NULL,
	"budget_year" integer NOT NULL,
	"status" text NOT NULL,
	"reject_reason" text,
	"reviewed_by" uuid,
	"reviewed_at" timestamp with time zone,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "time_entries_status" CHECK ("time_entries"."status" in ('submitted','approved','rejected')),
	CONSTRAINT "time_entries_minutes" CHECK ("time_entries"."minutes" > 0 and "time_entries"."minutes" <= 1440)
);
--> statement-breakpoint
CREATE TABLE "case_table_municipalities" (
	"case_table_id" uuid NOT NULL,
	"municipality_id" uuid NOT NULL,
	CONSTRAINT "case_table_municipalities_case_table_id_municipality_id_pk" PRIMARY KEY("case_table_id","municipality_id")
);
--> statement-breakpoint
CREATE TABLE "case_tables" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"safety_house_id" uuid NOT NULL,
	CONSTRAINT "case_tables_name_unique" UNIQUE("name")
);
--> statement-breakpoint
CREATE TABLE "municipalities" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"safety_house_id" uuid NOT NULL,
	CONSTRAINT "municipalities_name_unique" UNIQUE("name")
);
--> statement-breakpoint
CREATE TABLE "safety_houses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_id" uuid NOT NULL,
	"name" text NOT NULL,
	"city" text NOT NULL,
	CONSTRAINT "safety_houses_name_unique" UNIQUE("name")
);
--> statement-breakpoint
CREATE TABLE "safety_regions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"seat" text NOT NULL,
	CONSTRAINT "safety_regions_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "interpretation_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"reference" text NOT NULL,
	"case_table_id" uuid NOT NULL,
	"municipality_id" uuid NOT NULL,
	"case_reference" text NOT NULL,
	"question" text NOT NULL,
	"context" text,
	"urgency" text NOT NULL,
	"deliverable" text NOT NULL,
	"meeting_date" date,
	"languages" text[] DEFAULT '{}'::text[] NOT NULL,
	"status" text NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"submitted_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"closed_at" timestamp with time zone,
	CONSTRAINT "interpretation_requests_reference_unique" UNIQUE("reference"),
	CONSTRAINT "interpretation_requests_urgency" CHECK ("interpretation_requests"."urgency" in ('regular','urgent'))
);
--> statement-breakpoint
CREATE TABLE "reference_counters" (
	"year" integer PRIMARY KEY NOT NULL,
	"last_number" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "request_expertise_areas" (
	"request_id" uuid NOT NULL,
	"expertise_area_code" text NOT NULL,
	CONSTRAINT "request_expertise_areas_request_id_expertise_area_code_pk" PRIMARY KEY("request_id","expertise_area_code")
);
--> statement-breakpoint
CREATE TABLE "request_status_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"request_id" uuid NOT NULL,
	"from_status" text,
	"to_status" text NOT NULL,
	"actor_id" uuid NOT NULL,
	"actor_role" text NOT NULL,
	"reason" text,
	"occurred_at" timestamp with time zone DEFAULT now() NOT NULL,
	"seq" integer GENERATED ALWAYS AS IDENTITY (sequence name "request_status_events_seq_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1)
);
--> statement-breakpoint
CREATE TABLE "activities" (
	"code" text PRIMARY KEY NOT NULL,
	"name_nl" text NOT NULL,
	"name_en" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "expertise_areas" (
	"code" text PRIMARY KEY NOT NULL,
	"name_nl" text NOT NULL,
	"name_en" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "specialist_expertise_areas" (
	"specialist_id" uuid NOT NULL,
	"expertise_area_code" text NOT NULL,
	CONSTRAINT "specialist_expertise_areas_specialist_id_expertise_area_code_pk" PRIMARY KEY("specialist_id","expertise_area_code")
);
--> statement-breakpoint
CREATE TABLE "specialist_languages" (
	"specialist_id" uuid NOT NULL,
	"language" text NOT NULL,
	CONSTRAINT "specialist_languages_specialist_id_language_pk" PRIMARY KEY("specialist_id","language")
);
--> statement-breakpoint
CREATE TABLE "specialist_rates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"specialist_id" uuid NOT NULL,
	"rate_cents" bigint NOT NULL,
	"valid_from" date NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	CONSTRAINT "specialist_rates_from" UNIQUE("specialist_id","valid_from"),
	CONSTRAINT "specialist_rates_positive" CHECK ("specialist_rates"."rate_cents" > 0)
);
--> statement-breakpoint
CREATE TABLE "specialist_regions" (
	"specialist_id" uuid NOT NULL,
	"region_id" uuid NOT NULL,
	CONSTRAINT "specialist_regions_specialist_id_region_id_pk" PRIMARY KEY("specialist_id","region_id")
);
--> statement-breakpoint
CREATE TABLE "specialists" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"capacity_minutes_per_month" integer DEFAULT 2400 NOT NULL,
	"screening_valid_until" date,
	"is_active" boolean DEFAULT true NOT NULL,
	CONSTRAINT "specialists_user_id_unique" UNIQUE("user_id")
);
--> statement-breakpoint
CREATE TABLE "case_table_members" (
	"case_table_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	CONSTRAINT "case_table_members_case_table_id_user_id_pk" PRIMARY KEY("case_table_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"revoked_at" timestamp with time zone,
	"ip" "inet",
	"user_agent" text
);
--> statement-breakpoint
CREATE TABLE "user_roles" (
	"user_id" uuid NOT NULL,
	"role" text NOT NULL,
	CONSTRAINT "user_roles_user_id_role_pk" PRIMARY KEY("user_id","role"),
	CONSTRAINT "user_roles_role" CHECK ("user_roles"."role" in ('requester','coordinator','specialist','finance','admin'))
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"email" text NOT NULL,
	"display_name" text NOT NULL,
	"password_hash" text NOT NULL,
	"language" text DEFAULT 'nl' NOT NULL,
	"is_active" boolean DEFAULT true NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "users_email_unique" UNIQUE("email"),
	CONSTRAINT "users_email_lower" CHECK ("users"."email" = lower("users"."email"))
);
--> statement-breakpoint
ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_recipient_user_id_users_id_fk" FOREIGN KEY ("recipient_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "advice" ADD CONSTRAINT "advice_request_id_interpretation_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."interpretation_requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "advice" ADD CONSTRAINT "advice_assignment_id_assignments_id_fk" FOREIGN KEY ("assignment_id") REFERENCES "public"."assignments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "advice" ADD CONSTRAINT "advice_delivered_by_users_id_fk" FOREIGN KEY ("delivered_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assignments" ADD CONSTRAINT "assignments_request_id_interpretation_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."interpretation_requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assignments" ADD CONSTRAINT "assignments_specialist_id_specialists_id_fk" FOREIGN KEY ("specialist_id") REFERENCES "public"."specialists"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assignments" ADD CONSTRAINT "assignments_budget_year_budgets_year_fk" FOREIGN KEY ("budget_year") REFERENCES "public"."budgets"("year") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assignments" ADD CONSTRAINT "assignments_proposed_by_users_id_fk" FOREIGN KEY ("proposed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "time_entries" ADD CONSTRAINT "time_entries_assignment_id_assignments_id_fk" FOREIGN KEY ("assignment_id") REFERENCES "public"."assignments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "time_entries" ADD CONSTRAINT "time_entries_specialist_id_specialists_id_fk" FOREIGN KEY ("specialist_id") REFERENCES "public"."specialists"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "time_entries" ADD CONSTRAINT "time_entries_activity_activities_code_fk" FOREIGN KEY ("activity") REFERENCES "public"."activities"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "time_entries" ADD CONSTRAINT "time_entries_budget_year_budgets_year_fk" FOREIGN KEY ("budget_year") REFERENCES "public"."budgets"("year") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "time_entries" ADD CONSTRAINT "time_entries_reviewed_by_users_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "time_entries" ADD CONSTRAINT "time_entries_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_table_municipalities" ADD CONSTRAINT "case_table_municipalities_case_table_id_case_tables_id_fk" FOREIGN KEY ("case_table_id") REFERENCES "public"."case_tables"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_table_municipalities" ADD CONSTRAINT "case_table_municipalities_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_tables" ADD CONSTRAINT "case_tables_safety_house_id_safety_houses_id_fk" FOREIGN KEY ("safety_house_id") REFERENCES "public"."safety_houses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "municipalities" ADD CONSTRAINT "municipalities_safety_house_id_safety_houses_id_fk" FOREIGN KEY ("safety_house_id") REFERENCES "public"."safety_houses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "safety_houses" ADD CONSTRAINT "safety_houses_region_id_safety_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."safety_regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interpretation_requests" ADD CONSTRAINT "interpretation_requests_case_table_id_case_tables_id_fk" FOREIGN KEY ("case_table_id") REFERENCES "public"."case_tables"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interpretation_requests" ADD CONSTRAINT "interpretation_requests_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interpretation_requests" ADD CONSTRAINT "interpretation_requests_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_expertise_areas" ADD CONSTRAINT "request_expertise_areas_request_id_interpretation_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."interpretation_requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_expertise_areas" ADD CONSTRAINT "request_expertise_areas_expertise_area_code_expertise_areas_code_fk" FOREIGN KEY ("expertise_area_code") REFERENCES "public"."expertise_areas"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_status_events" ADD CONSTRAINT "request_status_events_request_id_interpretation_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."interpretation_requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_status_events" ADD CONSTRAINT "request_status_events_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "specialist_expertise_areas" ADD CONSTRAINT "specialist_expertise_areas_specialist_id_specialists_id_fk" FOREIGN KEY ("specialist_id") REFERENCES "public"."specialists"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "specialist_expertise_areas" ADD CONSTRAINT "specialist_expertise_areas_expertise_area_code_expertise_areas_code_fk" FOREIGN KEY ("expertise_area_code") REFERENCES "public"."expertise_areas"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "specialist_languages" ADD CONSTRAINT "specialist_languages_specialist_id_specialists_id_fk" FOREIGN KEY ("specialist_id") REFERENCES "public"."specialists"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "specialist_rates" ADD CONSTRAINT "specialist_rates_specialist_id_specialists_id_fk" FOREIGN KEY ("specialist_id") REFERENCES "public"."specialists"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "specialist_rates" ADD CONSTRAINT "specialist_rates_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "specialist_regions" ADD CONSTRAINT "specialist_regions_specialist_id_specialists_id_fk" FOREIGN KEY ("specialist_id") REFERENCES "public"."specialists"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "specialist_regions" ADD CONSTRAINT "specialist_regions_region_id_safety_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."safety_regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "specialists" ADD CONSTRAINT "specialists_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_table_members" ADD CONSTRAINT "case_table_members_case_table_id_case_tables_id_fk" FOREIGN KEY ("case_table_id") REFERENCES "public"."case_tables"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_table_members" ADD CONSTRAINT "case_table_members_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_roles" ADD CONSTRAINT "user_roles_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_events_object" ON "audit_events" USING btree ("object_type","object_id");--> statement-breakpoint
CREATE INDEX "audit_events_time" ON "audit_events" USING btree ("occurred_at");--> statement-breakpoint
CREATE INDEX "notifications_due" ON "notifications" USING btree ("status","next_attempt_at");--> statement-breakpoint
CREATE INDEX "assignments_request" ON "assignments" USING btree ("request_id");--> statement-breakpoint
CREATE INDEX "assignments_specialist" ON "assignments" USING btree ("specialist_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "assignments_one_live_per_request" ON "assignments" USING btree ("request_id") WHERE "assignments"."status" in ('proposed','accepted') and "assignments"."closed_at" is null;--> statement-breakpoint
CREATE INDEX "time_entries_assignment" ON "time_entries" USING btree ("assignment_id");--> statement-breakpoint
CREATE INDEX "time_entries_status" ON "time_entries" USING btree ("status","created_at");--> statement-breakpoint
CREATE INDEX "time_entries_year" ON "time_entries" USING btree ("budget_year");--> statement-breakpoint
CREATE INDEX "interpretation_requests_case_table" ON "interpretation_requests" USING btree ("case_table_id","status");--> statement-breakpoint
CREATE INDEX "interpretation_requests_status" ON "interpretation_requests" USING btree ("status","submitted_at");--> statement-breakpoint
CREATE INDEX "request_status_events_request" ON "request_status_events" USING btree ("request_id","occurred_at");--> statement-breakpoint
CREATE INDEX "case_table_members_user" ON "case_table_members" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "sessions_user" ON "sessions" USING btree ("user_id");
CREATE TABLE "budget_line_threshold_crossings" (
	"line_id" uuid NOT NULL,
	"percent" integer NOT NULL,
	"crossed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "budget_line_threshold_crossings_line_id_percent_pk" PRIMARY KEY("line_id","percent")
);
--> statement-breakpoint
CREATE TABLE "budget_lines" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"year" integer NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"funding_source" text NOT NULL,
	"is_default" boolean DEFAULT false NOT NULL,
	"allocated_cents" bigint NOT NULL,
	"reserved_cents" bigint DEFAULT 0 NOT NULL,
	"pending_cents" bigint DEFAULT 0 NOT NULL,
	"spent_cents" bigint DEFAULT 0 NOT NULL,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "budget_lines_year_code" UNIQUE("year","code"),
	CONSTRAINT "budget_lines_funding_source" CHECK ("budget_lines"."funding_source" in ('national-nctv','municipal','other')),
	CONSTRAINT "budget_lines_nonnegative" CHECK ("budget_lines"."allocated_cents" >= 0 and "budget_lines"."reserved_cents" >= 0 and "budget_lines"."pending_cents" >= 0 and "budget_lines"."spent_cents" >= 0),
	CONSTRAINT "budget_lines_available_nonnegative" CHECK ("budget_lines"."allocated_cents" - "budget_lines"."reserved_cents" - "budget_lines"."pending_cents" - "budget_lines"."spent_cents" >= 0)
);
--> statement-breakpoint
ALTER TABLE "assignments" ADD COLUMN "budget_line_id" uuid;--> statement-breakpoint
ALTER TABLE "time_entries" ADD COLUMN "budget_line_id" uuid;--> statement-breakpoint
-- Backfill (decision 094): every existing budget gets one default line, the pool's, holding its whole
-- allocation and its running totals, and every assignment and time entry charges the line of its year.
INSERT INTO "budget_lines" ("year", "code", "name", "funding_source", "is_default", "allocated_cents", "reserved_cents", "pending_cents", "spent_cents", "note")
SELECT "year", 'pool', 'Duidingspool', 'national-nctv', true, "allocated_cents", "reserved_cents", "pending_cents", "spent_cents", "funding_source"
FROM "budgets";--> statement-breakpoint
UPDATE "assignments" a SET "budget_line_id" = l."id" FROM "budget_lines" l WHERE l."year" = a."budget_year" AND l."is_default";--> statement-breakpoint
UPDATE "time_entries" e SET "budget_line_id" = l."id" FROM "budget_lines" l WHERE l."year" = e."budget_year" AND l."is_default";--> statement-breakpoint
ALTER TABLE "assignments" ALTER COLUMN "budget_line_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "time_entries" ALTER COLUMN "budget_line_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "budget_line_threshold_crossings" ADD CONSTRAINT "budget_line_threshold_crossings_line_id_budget_lines_id_fk" FOREIGN KEY ("line_id") REFERENCES "public"."budget_lines"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budget_lines" ADD CONSTRAINT "budget_lines_year_budgets_year_fk" FOREIGN KEY ("year") REFERENCES "public"."budgets"("year") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "budget_lines_one_default" ON "budget_lines" USING btree ("year") WHERE "budget_lines"."is_default";--> statement-breakpoint
ALTER TABLE "assignments" ADD CONSTRAINT "assignments_budget_line_id_budget_lines_id_fk" FOREIGN KEY ("budget_line_id") REFERENCES "public"."budget_lines"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "time_entries" ADD CONSTRAINT "time_entries_budget_line_id_budget_lines_id_fk" FOREIGN KEY ("budget_line_id") REFERENCES "public"."budget_lines"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "assignments_budget_line" ON "assignments" USING btree ("budget_line_id");--> statement-breakpoint
CREATE INDEX "time_entries_budget_line" ON "time_entries" USING btree ("budget_line_id");
CREATE TABLE "specialist_absences" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"specialist_id" uuid NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "specialist_absences_order" CHECK ("specialist_absences"."ends_on" >= "specialist_absences"."starts_on")
);
--> statement-breakpoint
ALTER TABLE "specialists" ADD COLUMN "screening_date" date;--> statement-breakpoint
-- Profiles from before this migration carry only the last valid day: their screening date is the one
-- the three-year rule (SCREENING_VALIDITY_YEARS in shared) maps to it, so the two stay a pair.
UPDATE "specialists" SET "screening_date" = ("screening_valid_until" + 1 - interval '3 years')::date WHERE "screening_valid_until" IS NOT NULL;--> statement-breakpoint
ALTER TABLE "specialists" ADD COLUMN "bio" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "specialist_absences" ADD CONSTRAINT "specialist_absences_specialist_id_specialists_id_fk" FOREIGN KEY ("specialist_id") REFERENCES "public"."specialists"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "specialist_absences" ADD CONSTRAINT "specialist_absences_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "specialist_absences_specialist" ON "specialist_absences" USING btree ("specialist_id","ends_on");--> statement-breakpoint
ALTER TABLE "specialists" ADD CONSTRAINT "specialists_capacity_range" CHECK ("specialists"."capacity_minutes_per_month" between 0 and 44640);--> statement-breakpoint
ALTER TABLE "specialists" ADD CONSTRAINT "specialists_screening_pair" CHECK (("specialists"."screening_date" is null) = ("specialists"."screening_valid_until" is null));--> statement-breakpoint
ALTER TABLE "specialists" ADD CONSTRAINT "specialists_screening_order" CHECK ("specialists"."screening_valid_until" > "specialists"."screening_date");
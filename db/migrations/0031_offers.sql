CREATE TABLE "offers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"type" text NOT NULL,
	"case_table_id" uuid,
	"municipality_id" uuid,
	"title" text NOT NULL,
	"description" text NOT NULL,
	"expertise_area_codes" text[] DEFAULT '{}'::text[] NOT NULL,
	"deliverable" text NOT NULL,
	"meeting_date" date,
	"audiences" text[] DEFAULT '{}'::text[] NOT NULL,
	"expected_participants" integer,
	"place" text,
	"valid_until" date NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"decline_reason" text,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	CONSTRAINT "offers_one_target" CHECK (("offers"."case_table_id" is null) <> ("offers"."municipality_id" is null)),
	CONSTRAINT "offers_type" CHECK ("offers"."type" in ('consultation','training','information-session','local-activity-support','analysis')),
	CONSTRAINT "offers_status" CHECK ("offers"."status" in ('open','accepted','declined','withdrawn')),
	CONSTRAINT "offers_expected_participants" CHECK ("offers"."expected_participants" is null or "offers"."expected_participants" between 1 and 2000),
	CONSTRAINT "offers_decided" CHECK (("offers"."status" = 'open') = ("offers"."decided_at" is null))
);
--> statement-breakpoint
ALTER TABLE "interpretation_requests" ADD COLUMN "origin_offer_id" uuid;--> statement-breakpoint
ALTER TABLE "offers" ADD CONSTRAINT "offers_case_table_id_case_tables_id_fk" FOREIGN KEY ("case_table_id") REFERENCES "public"."case_tables"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offers" ADD CONSTRAINT "offers_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offers" ADD CONSTRAINT "offers_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offers" ADD CONSTRAINT "offers_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "offers_case_table" ON "offers" USING btree ("case_table_id","created_at");--> statement-breakpoint
CREATE INDEX "offers_municipality" ON "offers" USING btree ("municipality_id","created_at");--> statement-breakpoint
CREATE INDEX "offers_status" ON "offers" USING btree ("status","created_at");--> statement-breakpoint
ALTER TABLE "interpretation_requests" ADD CONSTRAINT "interpretation_requests_origin_offer_id_offers_id_fk" FOREIGN KEY ("origin_offer_id") REFERENCES "public"."offers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interpretation_requests" ADD CONSTRAINT "interpretation_requests_origin_offer_id_unique" UNIQUE("origin_offer_id");
CREATE TABLE "financial_statements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"year" integer NOT NULL,
	"status" text NOT NULL,
	"content" text NOT NULL,
	"sha256" text NOT NULL,
	"prepared_by" uuid NOT NULL,
	"prepared_at" timestamp with time zone NOT NULL,
	"adopted_by" uuid,
	"adopted_at" timestamp with time zone,
	"document" "bytea",
	CONSTRAINT "financial_statements_year_unique" UNIQUE("year"),
	CONSTRAINT "financial_statements_status" CHECK ("financial_statements"."status" in ('prepared','adopted')),
	CONSTRAINT "financial_statements_adoption" CHECK (("financial_statements"."status" = 'adopted') = ("financial_statements"."adopted_by" is not null and "financial_statements"."adopted_at" is not null and "financial_statements"."document" is not null)),
	CONSTRAINT "financial_statements_two_people" CHECK ("financial_statements"."adopted_by" is null or "financial_statements"."adopted_by" <> "financial_statements"."prepared_by")
);
--> statement-breakpoint
ALTER TABLE "financial_statements" ADD CONSTRAINT "financial_statements_year_budgets_year_fk" FOREIGN KEY ("year") REFERENCES "public"."budgets"("year") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "financial_statements" ADD CONSTRAINT "financial_statements_prepared_by_users_id_fk" FOREIGN KEY ("prepared_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "financial_statements" ADD CONSTRAINT "financial_statements_adopted_by_users_id_fk" FOREIGN KEY ("adopted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
-- An adopted statement is frozen: no update or delete reaches it, whatever the code does.
CREATE FUNCTION financial_statements_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.status = 'adopted' THEN
    RAISE EXCEPTION 'the adopted financial statement of % is frozen', OLD.year USING ERRCODE = 'check_violation';
  END IF;
  RETURN COALESCE(NEW, OLD);
END $$;--> statement-breakpoint
CREATE TRIGGER financial_statements_frozen BEFORE UPDATE OR DELETE ON "financial_statements" FOR EACH ROW EXECUTE FUNCTION financial_statements_frozen();

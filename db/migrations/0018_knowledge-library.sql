CREATE TABLE "knowledge_files" (
	"product_id" uuid PRIMARY KEY NOT NULL,
	"content" "bytea" NOT NULL
);
--> statement-breakpoint
CREATE TABLE "knowledge_product_expertise_areas" (
	"product_id" uuid NOT NULL,
	"expertise_area_code" text NOT NULL,
	CONSTRAINT "knowledge_product_expertise_areas_product_id_expertise_area_code_pk" PRIMARY KEY("product_id","expertise_area_code")
);
--> statement-breakpoint
CREATE TABLE "knowledge_products" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"title" text NOT NULL,
	"summary" text NOT NULL,
	"audiences" text[] NOT NULL,
	"format" text NOT NULL,
	"file_name" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"sha256" text NOT NULL,
	"published_by" uuid NOT NULL,
	"published_at" timestamp with time zone DEFAULT now() NOT NULL,
	"downloads" integer DEFAULT 0 NOT NULL,
	"withdrawn_at" timestamp with time zone,
	"search" "tsvector" GENERATED ALWAYS AS (to_tsvector('dutch', "knowledge_products"."title" || ' ' || "knowledge_products"."summary")) STORED NOT NULL,
	CONSTRAINT "knowledge_products_size_check" CHECK ("knowledge_products"."size_bytes" between 1 and 20971520),
	CONSTRAINT "knowledge_products_downloads_check" CHECK ("knowledge_products"."downloads" >= 0)
);
--> statement-breakpoint
ALTER TABLE "knowledge_files" ADD CONSTRAINT "knowledge_files_product_id_knowledge_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."knowledge_products"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "knowledge_product_expertise_areas" ADD CONSTRAINT "knowledge_product_expertise_areas_product_id_knowledge_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."knowledge_products"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "knowledge_product_expertise_areas" ADD CONSTRAINT "knowledge_product_expertise_areas_expertise_area_code_expertise_areas_code_fk" FOREIGN KEY ("expertise_area_code") REFERENCES "public"."expertise_areas"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "knowledge_products" ADD CONSTRAINT "knowledge_products_published_by_users_id_fk" FOREIGN KEY ("published_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "knowledge_product_expertise_area_idx" ON "knowledge_product_expertise_areas" USING btree ("expertise_area_code");--> statement-breakpoint
CREATE INDEX "knowledge_products_search_idx" ON "knowledge_products" USING gin ("search");--> statement-breakpoint
CREATE INDEX "knowledge_products_published_idx" ON "knowledge_products" USING btree ("published_at" DESC NULLS LAST,"id" DESC NULLS LAST);
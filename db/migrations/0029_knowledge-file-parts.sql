ALTER TABLE "knowledge_files" ADD COLUMN "part" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "knowledge_files" DROP CONSTRAINT "knowledge_files_pkey";--> statement-breakpoint
ALTER TABLE "knowledge_files" ADD CONSTRAINT "knowledge_files_product_id_part_pk" PRIMARY KEY("product_id","part");--> statement-breakpoint
ALTER TABLE "knowledge_files" ADD CONSTRAINT "knowledge_files_part_check" CHECK ("knowledge_files"."part" >= 0);

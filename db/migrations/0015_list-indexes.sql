DROP INDEX "assignments_request";--> statement-breakpoint
DROP INDEX "audit_events_object";--> statement-breakpoint
DROP INDEX "audit_events_time";--> statement-breakpoint
DROP INDEX "audit_events_actor";--> statement-breakpoint
DROP INDEX "interpretation_requests_status";--> statement-breakpoint
DROP INDEX "time_entries_assignment";--> statement-breakpoint
DROP INDEX "time_entries_status";--> statement-breakpoint
DROP INDEX "time_entries_year";--> statement-breakpoint
CREATE INDEX "assignments_recent" ON "assignments" USING btree ("proposed_at" DESC NULLS FIRST,"id");--> statement-breakpoint
CREATE INDEX "assignments_specialist_recent" ON "assignments" USING btree ("specialist_id","proposed_at" DESC NULLS FIRST,"id");--> statement-breakpoint
CREATE INDEX "audit_events_action" ON "audit_events" USING btree ("action","occurred_at","id");--> statement-breakpoint
CREATE INDEX "interpretation_requests_recent" ON "interpretation_requests" USING btree (coalesce("submitted_at", '-infinity'::timestamptz) desc,"created_at" DESC NULLS FIRST,"id");--> statement-breakpoint
CREATE INDEX "interpretation_requests_oldest" ON "interpretation_requests" USING btree (coalesce("submitted_at", 'infinity'::timestamptz),"id");--> statement-breakpoint
CREATE INDEX "interpretation_requests_status_recent" ON "interpretation_requests" USING btree ("status",coalesce("submitted_at", '-infinity'::timestamptz) desc,"created_at" DESC NULLS FIRST,"id");--> statement-breakpoint
CREATE INDEX "interpretation_requests_case_table_recent" ON "interpretation_requests" USING btree ("case_table_id",coalesce("submitted_at", '-infinity'::timestamptz) desc,"created_at" DESC NULLS FIRST,"id");--> statement-breakpoint
CREATE INDEX "notifications_outbox" ON "notifications" USING btree ("created_at","id");--> statement-breakpoint
CREATE INDEX "notifications_outbox_status" ON "notifications" USING btree ("status","created_at","id");--> statement-breakpoint
CREATE INDEX "time_entries_specialist" ON "time_entries" USING btree ("specialist_id","worked_on" DESC NULLS FIRST,"created_at" DESC NULLS FIRST,"id");--> statement-breakpoint
CREATE INDEX "time_entries_recent" ON "time_entries" USING btree ("worked_on" DESC NULLS FIRST,"created_at" DESC NULLS FIRST,"id");--> statement-breakpoint
CREATE INDEX "users_list" ON "users" USING btree ("email","id");--> statement-breakpoint
CREATE INDEX "assignments_request" ON "assignments" USING btree ("request_id","specialist_id");--> statement-breakpoint
CREATE INDEX "audit_events_object" ON "audit_events" USING btree ("object_type","object_id","occurred_at","id");--> statement-breakpoint
CREATE INDEX "audit_events_time" ON "audit_events" USING btree ("occurred_at","id");--> statement-breakpoint
CREATE INDEX "audit_events_actor" ON "audit_events" USING btree ("actor_id","occurred_at","id");--> statement-breakpoint
CREATE INDEX "interpretation_requests_status" ON "interpretation_requests" USING btree ("status",coalesce("submitted_at", 'infinity'::timestamptz),"id");--> statement-breakpoint
CREATE INDEX "time_entries_assignment" ON "time_entries" USING btree ("assignment_id","worked_on" DESC NULLS FIRST,"created_at" DESC NULLS FIRST,"id");--> statement-breakpoint
CREATE INDEX "time_entries_status" ON "time_entries" USING btree ("status","worked_on" DESC NULLS FIRST,"created_at" DESC NULLS FIRST,"id");--> statement-breakpoint
CREATE INDEX "time_entries_year" ON "time_entries" USING btree ("budget_year","worked_on" DESC NULLS FIRST,"created_at" DESC NULLS FIRST,"id");
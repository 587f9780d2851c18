ALTER TABLE "interpretation_requests" ADD COLUMN "triaged_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "interpretation_requests" ADD COLUMN "first_assigned_at" timestamp with time zone;--> statement-breakpoint
-- The ends of a request's waits for the report (decision 134): the coordinator's first decision out
-- of `submitted` and the first move into `assigned`, kept on the request by every status event
-- (the earliest wins, whatever the order events are written in), so a report reads them with the
-- requests instead of grouping every status event of the period.
CREATE OR REPLACE FUNCTION request_status_events_firsts() RETURNS trigger AS $$
BEGIN
  IF NEW.from_status = 'submitted' AND NEW.actor_role = 'coordinator' THEN
    UPDATE interpretation_requests SET triaged_at = NEW.occurred_at
      WHERE id = NEW.request_id AND (triaged_at IS NULL OR triaged_at > NEW.occurred_at);
  END IF;
  IF NEW.to_status = 'assigned' THEN
    UPDATE interpretation_requests SET first_assigned_at = NEW.occurred_at
      WHERE id = NEW.request_id AND (first_assigned_at IS NULL OR first_assigned_at > NEW.occurred_at);
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER request_status_events_firsts AFTER INSERT ON request_status_events
  FOR EACH ROW EXECUTE FUNCTION request_status_events_firsts();
--> statement-breakpoint
UPDATE interpretation_requests r SET triaged_at = f.triaged_at, first_assigned_at = f.first_assigned_at
FROM (
  SELECT request_id,
    min(occurred_at) FILTER (WHERE from_status = 'submitted' AND actor_role = 'coordinator') AS triaged_at,
    min(occurred_at) FILTER (WHERE to_status = 'assigned') AS first_assigned_at
  FROM request_status_events GROUP BY request_id
) f
WHERE f.request_id = r.id AND (f.triaged_at IS NOT NULL OR f.first_assigned_at IS NOT NULL);

CREATE TABLE "ledger_report_month_requests" (
	"dimension" text NOT NULL,
	"key" text NOT NULL,
	"month" date NOT NULL,
	"request_id" uuid NOT NULL,
	"entries" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "ledger_report_month_requests_dimension_key_month_request_id_pk" PRIMARY KEY("dimension","key","month","request_id")
);
--> statement-breakpoint
CREATE TABLE "ledger_report_month_totals" (
	"dimension" text NOT NULL,
	"key" text NOT NULL,
	"month" date NOT NULL,
	"minutes" bigint DEFAULT 0 NOT NULL,
	"cents" bigint DEFAULT 0 NOT NULL,
	"requests" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "ledger_report_month_totals_dimension_key_month_pk" PRIMARY KEY("dimension","key","month")
);
--> statement-breakpoint
-- Running totals of approved work per month and report dimension (decision 133), kept like the budget
-- page's totals (decision 010): every insert of a time entry and every change of its status adjusts
-- them in the same transaction. An entry counts once `approved` (a correction with its negative
-- minutes and cents); a request counts in a month and key while it has an approved entry there.
CREATE OR REPLACE FUNCTION ledger_report_totals_on_entry() RETURNS trigger AS $$
DECLARE
  d integer;
  req_id uuid;
  region text;
  line text;
  m date;
  k record;
  n integer;
BEGIN
  IF TG_OP = 'INSERT' THEN
    d := CASE WHEN NEW.status = 'approved' THEN 1 ELSE 0 END;
  ELSE
    d := (CASE WHEN NEW.status = 'approved' THEN 1 ELSE 0 END) - (CASE WHEN OLD.status = 'approved' THEN 1 ELSE 0 END);
  END IF;
  IF d = 0 THEN
    RETURN NULL;
  END IF;
  SELECT a.request_id, g.code INTO req_id, region
    FROM assignments a JOIN interpretation_requests r ON r.id = a.request_id
    LEFT JOIN municipalities mu ON mu.id = r.municipality_id
    LEFT JOIN safety_houses h ON h.id = mu.safety_house_id
    LEFT JOIN safety_regions g ON g.id = h.region_id
    WHERE a.id = NEW.assignment_id;
  SELECT l.code INTO line FROM budget_lines l WHERE l.id = NEW.budget_line_id;
  m := date_trunc('month', NEW.worked_on)::date;
  FOR k IN
    SELECT v.dimension, v.key FROM (VALUES ('activity', NEW.activity), ('specialist', NEW.specialist_id::text), ('region', region), ('line', line), ('all', ''))
      AS v(dimension, key) WHERE v.key IS NOT NULL
  LOOP
    INSERT INTO ledger_report_month_requests AS t (dimension, key, month, request_id, entries)
      VALUES (k.dimension, k.key, m, req_id, d)
      ON CONFLICT (dimension, key, month, request_id) DO UPDATE SET entries = t.entries + d
      RETURNING t.entries INTO n;
    INSERT INTO ledger_report_month_totals AS t (dimension, key, month, minutes, cents, requests)
      VALUES (k.dimension, k.key, m, d * NEW.minutes, d * NEW.amount_cents, CASE WHEN d > 0 AND n = 1 THEN 1 WHEN d < 0 AND n = 0 THEN -1 ELSE 0 END)
      ON CONFLICT (dimension, key, month) DO UPDATE
      SET minutes = t.minutes + excluded.minutes, cents = t.cents + excluded.cents, requests = t.requests + excluded.requests;
    IF n = 0 THEN
      DELETE FROM ledger_report_month_requests t WHERE t.dimension = k.dimension AND t.key = k.key AND t.month = m AND t.request_id = req_id;
    END IF;
  END LOOP;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER time_entries_report_totals AFTER INSERT OR UPDATE OF status ON time_entries
  FOR EACH ROW EXECUTE FUNCTION ledger_report_totals_on_entry();
--> statement-breakpoint
-- Recomputes the report's month totals from the entries (after a bulk load with the trigger off, or
-- to audit them); ledger_rebuild_totals() calls it. Not used on any request path.
CREATE OR REPLACE FUNCTION ledger_rebuild_report_totals() RETURNS void AS $$
BEGIN
  DELETE FROM ledger_report_month_requests;
  DELETE FROM ledger_report_month_totals;
  CREATE TEMP TABLE ledger_report_keys ON COMMIT DROP AS
    SELECT v.dimension, v.key, date_trunc('month', e.worked_on)::date AS month, a.request_id, e.minutes, e.amount_cents
    FROM time_entries e
    JOIN assignments a ON a.id = e.assignment_id
    JOIN interpretation_requests r ON r.id = a.request_id
    LEFT JOIN municipalities mu ON mu.id = r.municipality_id
    LEFT JOIN safety_houses h ON h.id = mu.safety_house_id
    LEFT JOIN safety_regions g ON g.id = h.region_id
    LEFT JOIN budget_lines l ON l.id = e.budget_line_id
    CROSS JOIN LATERAL (VALUES ('activity', e.activity), ('specialist', e.specialist_id::text), ('region', g.code), ('line', l.code), ('all', ''))
      AS v(dimension, key)
    WHERE e.status = 'approved' AND v.key IS NOT NULL;
  INSERT INTO ledger_report_month_requests (dimension, key, month, request_id, entries)
    SELECT dimension, key, month, request_id, count(*) FROM ledger_report_keys GROUP BY 1, 2, 3, 4;
  INSERT INTO ledger_report_month_totals (dimension, key, month, minutes, cents, requests)
    SELECT dimension, key, month, sum(minutes), sum(amount_cents), count(DISTINCT request_id) FROM ledger_report_keys GROUP BY 1, 2, 3;
  DROP TABLE ledger_report_keys;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION ledger_rebuild_totals() RETURNS void AS $$
BEGIN
  DELETE FROM ledger_day_totals;
  DELETE FROM ledger_group_totals;
  DELETE FROM ledger_expertise_totals;
  INSERT INTO ledger_day_totals (budget_year, worked_on, pending_cents, spent_cents)
    SELECT e.budget_year, e.worked_on, sum(ledger_entry_pending(e.status, e.corrects_entry_id, e.amount_cents)), sum(ledger_entry_spent(e.status, e.amount_cents))
    FROM time_entries e GROUP BY 1, 2;
  INSERT INTO ledger_group_totals (budget_year, specialist_id, activity, municipality_id, case_table_id, pending_cents, spent_cents, entry_count)
    SELECT e.budget_year, e.specialist_id, e.activity, r.municipality_id, r.case_table_id,
      sum(ledger_entry_pending(e.status, e.corrects_entry_id, e.amount_cents)), sum(ledger_entry_spent(e.status, e.amount_cents)),
      sum(ledger_entry_counted(e.status, e.corrects_entry_id))
    FROM time_entries e JOIN assignments a ON a.id = e.assignment_id JOIN interpretation_requests r ON r.id = a.request_id
    GROUP BY 1, 2, 3, 4, 5;
  INSERT INTO ledger_expertise_totals (budget_year, expertise_area_code, pending_cents, spent_cents, entry_count)
    SELECT e.budget_year, x.expertise_area_code,
      sum(ledger_entry_pending(e.status, e.corrects_entry_id, e.amount_cents)), sum(ledger_entry_spent(e.status, e.amount_cents)),
      sum(ledger_entry_counted(e.status, e.corrects_entry_id))
    FROM time_entries e JOIN assignments a ON a.id = e.assignment_id JOIN request_expertise_areas x ON x.request_id = a.request_id
    GROUP BY 1, 2;
  PERFORM ledger_rebuild_report_totals();
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
SELECT ledger_rebuild_report_totals();

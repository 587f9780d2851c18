-- Running totals behind the budget page (docs/decisions/010-ledger-breakdown-totals.md): every
-- insert of a time entry and every change of its status adjusts ledger_day_totals,
-- ledger_group_totals and ledger_expertise_totals in the same transaction. An entry counts as
-- pending while `submitted` (corrections only once approved) and as spent once `approved`.
CREATE OR REPLACE FUNCTION ledger_entry_pending(status text, corrects uuid, amount bigint) RETURNS bigint AS $$
  SELECT CASE WHEN status = 'submitted' AND corrects IS NULL THEN amount ELSE 0 END
$$ LANGUAGE sql IMMUTABLE;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION ledger_entry_spent(status text, amount bigint) RETURNS bigint AS $$
  SELECT CASE WHEN status = 'approved' THEN amount ELSE 0 END
$$ LANGUAGE sql IMMUTABLE;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION ledger_entry_counted(status text, corrects uuid) RETURNS integer AS $$
  SELECT CASE WHEN status = 'approved' OR (status = 'submitted' AND corrects IS NULL) THEN 1 ELSE 0 END
$$ LANGUAGE sql IMMUTABLE;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION ledger_totals_on_entry() RETURNS trigger AS $$
DECLARE
  d_pending bigint;
  d_spent bigint;
  d_count integer;
  req record;
BEGIN
  IF TG_OP = 'INSERT' THEN
    d_pending := ledger_entry_pending(NEW.status, NEW.corrects_entry_id, NEW.amount_cents);
    d_spent := ledger_entry_spent(NEW.status, NEW.amount_cents);
    d_count := ledger_entry_counted(NEW.status, NEW.corrects_entry_id);
  ELSE
    d_pending := ledger_entry_pending(NEW.status, NEW.corrects_entry_id, NEW.amount_cents) - ledger_entry_pending(OLD.status, OLD.corrects_entry_id, OLD.amount_cents);
    d_spent := ledger_entry_spent(NEW.status, NEW.amount_cents) - ledger_entry_spent(OLD.status, OLD.amount_cents);
    d_count := ledger_entry_counted(NEW.status, NEW.corrects_entry_id) - ledger_entry_counted(OLD.status, OLD.corrects_entry_id);
  END IF;
  IF d_pending = 0 AND d_spent = 0 AND d_count = 0 THEN
    RETURN NULL;
  END IF;
  SELECT r.id, r.municipality_id, r.case_table_id INTO req
    FROM assignments a JOIN interpretation_requests r ON r.id = a.request_id
    WHERE a.id = NEW.assignment_id;
  INSERT INTO ledger_day_totals AS t (budget_year, worked_on, pending_cents, spent_cents)
    VALUES (NEW.budget_year, NEW.worked_on, d_pending, d_spent)
    ON CONFLICT (budget_year, worked_on) DO UPDATE
    SET pending_cents = t.pending_cents + d_pending, spent_cents = t.spent_cents + d_spent;
  INSERT INTO ledger_group_totals AS t (budget_year, specialist_id, activity, municipality_id, case_table_id, pending_cents, spent_cents, entry_count)
    VALUES (NEW.budget_year, NEW.specialist_id, NEW.activity, req.municipality_id, req.case_table_id, d_pending, d_spent, d_count)
    ON CONFLICT (budget_year, specialist_id, activity, municipality_id, case_table_id) DO UPDATE
    SET pending_cents = t.pending_cents + d_pending, spent_cents = t.spent_cents + d_spent, entry_count = t.entry_count + d_count;
  INSERT INTO ledger_expertise_totals AS t (budget_year, expertise_area_code, pending_cents, spent_cents, entry_count)
    SELECT NEW.budget_year, x.expertise_area_code, d_pending, d_spent, d_count
      FROM request_expertise_areas x WHERE x.request_id = req.id
    ON CONFLICT (budget_year, expertise_area_code) DO UPDATE
    SET pending_cents = t.pending_cents + d_pending, spent_cents = t.spent_cents + d_spent, entry_count = t.entry_count + d_count;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER time_entries_ledger_totals AFTER INSERT OR UPDATE OF status ON time_entries
  FOR EACH ROW EXECUTE FUNCTION ledger_totals_on_entry();
--> statement-breakpoint
-- Recomputes the three totals tables from the entries (after a bulk load with triggers disabled,
-- or to audit them). Not used on any request path.
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
END;
$$ LANGUAGE plpgsql;

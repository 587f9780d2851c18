-- Why each already closed assignment closed, for the need-to-know condition (decision 004, 043).
-- Declined proposals are declined; an assignment with an end reason was ended by the coordinator;
-- one that closed when its request ended (the request is closed, cancelled or withdrawn and no
-- later assignment followed it) closed with the request; any other closed proposal was withdrawn
-- because its specialist left the pool, and any other closed accepted assignment was ended.
UPDATE assignments a SET close_cause = CASE
  WHEN a.status = 'declined' THEN 'declined'
  WHEN a.end_reason IS NOT NULL THEN 'assignment-ended'
  WHEN r.status IN ('closed', 'cancelled', 'withdrawn')
    AND NOT EXISTS (SELECT 1 FROM assignments later WHERE later.request_id = a.request_id AND later.proposed_at > a.proposed_at)
    THEN 'request-' || r.status
  WHEN a.status = 'proposed' THEN 'proposal-withdrawn'
  ELSE 'assignment-ended'
END
FROM interpretation_requests r
WHERE r.id = a.request_id AND a.close_cause IS NULL AND (a.closed_at IS NOT NULL OR a.status = 'declined');

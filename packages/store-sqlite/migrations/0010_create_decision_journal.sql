-- Decisions per customer for the timeline API: what the pipeline did (actions, compacted) and, when
-- explain was asked, why (the trace). Written in the transaction that made the decision.
CREATE TABLE decision_journal (
  id INTEGER PRIMARY KEY,
  customer_id TEXT NOT NULL,
  at INTEGER NOT NULL,
  event_id TEXT,
  trigger TEXT NOT NULL CHECK (trigger IN ('event', 'decide', 'scheduled')),
  actions TEXT NOT NULL,
  trace TEXT
) STRICT;

CREATE INDEX decision_journal_customer ON decision_journal (customer_id, id);

-- The timeline reads one customer's events and outcomes newest first; without these indexes each
-- read would scan the whole event log / outcome table.
CREATE INDEX event_log_customer ON event_log (customer_id, position);
CREATE INDEX outcomes_customer ON outcomes (customer_id, id);

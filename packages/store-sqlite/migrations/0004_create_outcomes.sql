-- Reported outcomes in arrival order (`id` is the arrival sequence).
CREATE TABLE outcomes (
  id INTEGER PRIMARY KEY,
  offer_id TEXT NOT NULL,
  customer_id TEXT NOT NULL,
  case_id TEXT NOT NULL,
  touchpoint_id TEXT NOT NULL,
  outcome TEXT NOT NULL,
  at INTEGER NOT NULL,
  amount REAL,
  staff_id TEXT
) STRICT;

CREATE INDEX outcomes_offer ON outcomes (offer_id, id);
CREATE INDEX outcomes_case_at ON outcomes (case_id, at);

-- Offer instances. `state` moves open -> presented | withdrawn | expired exactly once; the
-- conditional UPDATE in SqliteOfferStore.tryPresent is what makes presenting atomic.
CREATE TABLE offers (
  offer_id TEXT PRIMARY KEY,
  customer_id TEXT NOT NULL,
  case_id TEXT NOT NULL,
  case_version INTEGER NOT NULL,
  event_id TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL,
  touchpoint_ids TEXT NOT NULL,
  score REAL NOT NULL,
  content TEXT NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('open', 'presented', 'withdrawn', 'expired')),
  presented_on TEXT,
  presented_at INTEGER
) STRICT;

-- listOpen / findOpen: a customer's open offers, oldest first.
CREATE INDEX offers_customer_state ON offers (customer_id, state, created_at);

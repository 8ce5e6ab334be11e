-- Contacts deferred by quiet hours or a strategy delay; a row is deleted in the same transaction
-- that hands it out, so each delivery is taken once even across a crash and restart.
CREATE TABLE scheduled_deliveries (
  id INTEGER PRIMARY KEY,
  offer_id TEXT NOT NULL,
  customer_id TEXT NOT NULL,
  case_id TEXT NOT NULL,
  touchpoint_id TEXT NOT NULL,
  delivery_method TEXT NOT NULL,
  content TEXT NOT NULL,
  deliver_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL
) STRICT;

CREATE INDEX scheduled_deliveries_due ON scheduled_deliveries (deliver_at, id);

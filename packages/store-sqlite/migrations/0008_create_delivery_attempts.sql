-- Outbound delivery state behind the engine's DeliveryAttemptStore: retries waiting for their
-- time, the log of every attempt, and the dead-letter list an operator retries by hand.

-- available_at is when takeDue may hand the row out: next_attempt_at, pushed forward by a lease
-- while an attempt is in flight, so a crash mid-attempt makes the delivery due again.
CREATE TABLE delivery_pending (
  id TEXT PRIMARY KEY,
  touchpoint_id TEXT NOT NULL,
  delivery TEXT NOT NULL,
  attempt INTEGER NOT NULL,
  next_attempt_at INTEGER NOT NULL,
  first_attempt_at INTEGER NOT NULL,
  available_at INTEGER NOT NULL
) STRICT;

CREATE INDEX delivery_pending_available ON delivery_pending (available_at);

CREATE TABLE delivery_attempts (
  seq INTEGER PRIMARY KEY,
  delivery_id TEXT NOT NULL,
  touchpoint_id TEXT NOT NULL,
  attempt INTEGER NOT NULL,
  at INTEGER NOT NULL,
  duration_ms INTEGER NOT NULL,
  outcome TEXT NOT NULL CHECK (outcome IN ('delivered', 'rejected', 'error')),
  retryable INTEGER CHECK (retryable IN (0, 1)),
  reason TEXT
) STRICT;

CREATE INDEX delivery_attempts_by_delivery ON delivery_attempts (delivery_id, seq);

CREATE TABLE delivery_dead_letters (
  id TEXT PRIMARY KEY,
  touchpoint_id TEXT NOT NULL,
  delivery TEXT NOT NULL,
  reason TEXT NOT NULL,
  detail TEXT NOT NULL,
  attempts INTEGER NOT NULL,
  dead_at INTEGER NOT NULL
) STRICT;

CREATE INDEX delivery_dead_letters_recent ON delivery_dead_letters (dead_at);

-- The durable, ordered log of accepted customer events. `position` is the rowid: rows are never
-- deleted, so positions stay contiguous and `read(from)` is an index range scan, not an OFFSET.
CREATE TABLE event_log (
  position INTEGER PRIMARY KEY,
  event_id TEXT NOT NULL,
  customer_id TEXT NOT NULL,
  payload TEXT NOT NULL
) STRICT;

-- Dedupe on eventId: `INSERT OR IGNORE` skips an event whose id is already in the log.
CREATE UNIQUE INDEX event_log_event_id ON event_log (event_id);

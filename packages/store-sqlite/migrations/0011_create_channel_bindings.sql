-- How each touchpoint's deliveries leave the server: a webhook, the log, or the staff screens.
-- A touchpoint without a row gets the default (staff screens for staff-audience or inbound
-- touchpoints, the log otherwise). The secret signs webhook bodies and is never returned by the API.
CREATE TABLE channel_bindings (
  touchpoint_id TEXT PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('webhook', 'log', 'staff-screen')),
  url TEXT,
  secret TEXT,
  timeout_ms INTEGER,
  updated_at INTEGER NOT NULL
) STRICT, WITHOUT ROWID;

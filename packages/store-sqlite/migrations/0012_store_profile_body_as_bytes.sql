-- Profile bodies are written in a compact binary layout (profile-body/ in the source) instead of
-- JSON: `body` becomes ANY, holding a BLOB for profiles written since, and the JSON TEXT of
-- profiles written before (decoded as such until their next write). SQLite cannot change a column
-- type in place, so the table is rebuilt; rows are copied as they are.
CREATE TABLE profiles_next (
  customer_id TEXT PRIMARY KEY,
  tags BLOB NOT NULL,
  body ANY NOT NULL
) STRICT, WITHOUT ROWID;

INSERT INTO profiles_next (customer_id, tags, body) SELECT customer_id, tags, body FROM profiles;
DROP TABLE profiles;
ALTER TABLE profiles_next RENAME TO profiles;

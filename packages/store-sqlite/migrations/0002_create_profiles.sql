-- Customer profiles: the static-tag bitset as a little-endian BLOB of 32-bit words (compact, and
-- independent of the catalog's tag ids), everything else as one JSON document.
CREATE TABLE profiles (
  customer_id TEXT PRIMARY KEY,
  tags BLOB NOT NULL,
  body TEXT NOT NULL
) STRICT, WITHOUT ROWID;

-- Every saved catalog snapshot, newest = highest version; `changes` summarises what differs from
-- the previous version so approvers can see what they are approving.
CREATE TABLE catalog_versions (
  version INTEGER PRIMARY KEY,
  saved_at INTEGER NOT NULL,
  saved_by TEXT,
  note TEXT,
  snapshot TEXT NOT NULL,
  changes TEXT NOT NULL
) STRICT;

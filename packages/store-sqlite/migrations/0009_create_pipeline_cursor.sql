-- How far each consumer of the event log has processed it (the decision runtime: `decisions`).
-- Advanced in the same transaction as the work it stands for, so after a crash the consumer
-- resumes exactly at the first acknowledged event it had not yet decided on.
CREATE TABLE pipeline_cursor (
  name TEXT PRIMARY KEY,
  position INTEGER NOT NULL
) STRICT;

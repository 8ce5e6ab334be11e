-- API keys: only the SHA-256 of the secret is stored; the secret is shown once, at creation.
CREATE TABLE api_keys (
  key_id TEXT PRIMARY KEY,
  secret_hash TEXT NOT NULL,
  role TEXT NOT NULL,
  label TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  revoked_at INTEGER
) STRICT;

CREATE UNIQUE INDEX api_keys_secret_hash ON api_keys (secret_hash);

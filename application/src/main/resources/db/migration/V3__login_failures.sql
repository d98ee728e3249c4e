-- Failed log-ins, for throttling across every web instance. throttle_key is the SHA-256 (hex)
-- of the lower-cased email or of the client address, so the table holds neither.
CREATE TABLE login_failures (
  throttle_key varchar(64) NOT NULL,
  failed_at    timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX login_failures_key_failed_at ON login_failures (throttle_key, failed_at);
CREATE INDEX login_failures_failed_at ON login_failures (failed_at);

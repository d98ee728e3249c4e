-- Sessions of the web apps, shared by every web instance. A row exists only once a session
-- holds state (a logged-in user, registrations); anonymous visitors have a cookie and no row.
CREATE TABLE web_sessions (
  id_hash       varchar(64) PRIMARY KEY,          -- SHA-256 (hex) of the session id in the cookie
  user_id       varchar(255),                     -- null while nobody is logged in
  registrations varchar(64)[] NOT NULL DEFAULT '{}', -- user ids this session registered
  created_at    timestamptz NOT NULL DEFAULT now(),
  expires_at    timestamptz NOT NULL
);

CREATE INDEX web_sessions_expires_at ON web_sessions (expires_at);

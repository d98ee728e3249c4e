CREATE SCHEMA IF NOT EXISTS message_store;

CREATE TABLE IF NOT EXISTS message_store.messages (
  global_position bigserial NOT NULL,
  "position" bigint NOT NULL,
  "time" timestamp without time zone DEFAULT (now() AT TIME ZONE 'utc') NOT NULL,
  stream_name text NOT NULL,
  "type" text NOT NULL,
  data jsonb,
  metadata jsonb,
  id uuid NOT NULL DEFAULT gen_random_uuid()
);

DO $$
BEGIN
  IF NOT EXISTS (
    SELECT 1 FROM pg_catalog.pg_constraint
    WHERE conname = 'messages_pkey' AND conrelid = 'message_store.messages'::regclass
  ) THEN
    ALTER TABLE message_store.messages ADD PRIMARY KEY (global_position) NOT DEFERRABLE INITIALLY IMMEDIATE;
  END IF;
END
$$;

DO $$
BEGIN
  IF NOT EXISTS (
    SELECT 1 FROM pg_catalog.pg_type t JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
    WHERE n.nspname = 'message_store' AND t.typname = 'message'
  ) THEN
    CREATE TYPE message_store.message AS (
      id varchar,
      stream_name varchar,
      "type" varchar,
      "position" bigint,
      global_position bigint,
      data varchar,
      metadata varchar,
      "time" timestamp
    );
  END IF;
END
$$;

-- Records which revision of this implementation is installed, so that the installer can
-- upgrade an older install in place. Not part of the Message DB interface.
CREATE TABLE IF NOT EXISTS message_store.installed_revision (
  singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
  revision integer NOT NULL,
  message_db_version varchar NOT NULL,
  installed_at timestamptz NOT NULL DEFAULT now()
);

-- The login role that applications use. It gets no password here: set one (or use
-- trust/peer/certificate authentication) as your deployment requires.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = 'message_store') THEN
    BEGIN
      CREATE ROLE message_store WITH LOGIN;
    EXCEPTION
      WHEN duplicate_object OR unique_violation THEN
        RAISE NOTICE 'role "message_store" already exists, skipping';
    END;
  END IF;
END
$$;

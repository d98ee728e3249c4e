-- The Message DB 1.3 function interface, written for this project.
-- Every internal reference is schema-qualified so that the functions work whatever the
-- caller's search_path is; callers that put message_store on their path still resolve
-- the same (single) overload of each function unqualified.

-- Message DB before 1.3 had a one-argument get_last_stream_message; a second overload
-- would make untyped calls ambiguous.
DROP FUNCTION IF EXISTS message_store.get_last_stream_message(varchar);

CREATE OR REPLACE FUNCTION message_store.message_store_version()
RETURNS varchar
LANGUAGE sql
VOLATILE
AS $$
  SELECT '1.3.0'::varchar;
$$;

CREATE OR REPLACE FUNCTION message_store.hash_64(value varchar)
RETURNS bigint
LANGUAGE sql
IMMUTABLE
AS $$
  SELECT ('x' || left(md5(value), 16))::bit(64)::bigint;
$$;

CREATE OR REPLACE FUNCTION message_store.category(stream_name varchar)
RETURNS varchar
LANGUAGE sql
IMMUTABLE
AS $$
  SELECT split_part(stream_name, '-', 1)::varchar;
$$;

CREATE OR REPLACE FUNCTION message_store.id(stream_name varchar)
RETURNS varchar
LANGUAGE sql
IMMUTABLE
AS $$
  SELECT CASE
    WHEN strpos(stream_name, '-') = 0 THEN NULL
    ELSE substr(stream_name, strpos(stream_name, '-') + 1)
  END::varchar;
$$;

CREATE OR REPLACE FUNCTION message_store.cardinal_id(stream_name varchar)
RETURNS varchar
LANGUAGE sql
IMMUTABLE
AS $$
  SELECT split_part(message_store.id(stream_name), '+', 1)::varchar;
$$;

CREATE OR REPLACE FUNCTION message_store.is_category(stream_name varchar)
RETURNS boolean
LANGUAGE sql
IMMUTABLE
AS $$
  SELECT coalesce(strpos(stream_name, '-') = 0, true);
$$;

CREATE OR REPLACE FUNCTION message_store.stream_version(stream_name varchar)
RETURNS bigint
LANGUAGE sql
VOLATILE
AS $$
  SELECT max(m."position") FROM message_store.messages m WHERE m.stream_name = $1;
$$;

-- Kept for compatibility: takes Message DB's category lock. write_message does not use it
-- (writers of different streams never wait for each other), but a client may still call it.
CREATE OR REPLACE FUNCTION message_store.acquire_lock(stream_name varchar)
RETURNS bigint
LANGUAGE plpgsql
VOLATILE
AS $$
DECLARE
  _category varchar;
  _category_name_hash bigint;
BEGIN
  _category := message_store.category(acquire_lock.stream_name);
  _category_name_hash := message_store.hash_64(_category);
  PERFORM pg_catalog.pg_advisory_xact_lock(_category_name_hash);

  IF current_setting('message_store.debug_write', true) = 'on' OR current_setting('message_store.debug', true) = 'on' THEN
    RAISE NOTICE '» acquire_lock';
    RAISE NOTICE 'stream_name: %', acquire_lock.stream_name;
    RAISE NOTICE '_category: %', _category;
    RAISE NOTICE '_category_name_hash: %', _category_name_hash;
  END IF;

  RETURN _category_name_hash;
END;
$$;

-- Registers the calling transaction as a message writer, once per transaction: it takes a
-- "ticket", the next value of the global-position sequence, and holds a shared advisory lock
-- whose key is that ticket until the transaction ends. Every global position the transaction
-- draws afterwards is at least its ticket. Readers never return positions at or above the
-- smallest ticket still held (see reader_horizon), so a message can never become visible
-- below a position a reader has already passed.
CREATE OR REPLACE FUNCTION message_store.register_writer()
RETURNS void
LANGUAGE plpgsql
VOLATILE
AS $$
DECLARE
  _ticket bigint;
BEGIN
  IF coalesce(current_setting('message_store.writer_ticket', true), '') <> '' THEN
    RETURN;
  END IF;
  -- A read-only transaction (or a standby) cannot write: let the insert report that, as
  -- Message DB does, rather than failing here on the transaction id or the sequence.
  IF pg_catalog.current_setting('transaction_read_only') = 'on' THEN
    RETURN;
  END IF;

  -- Take the transaction id before the ticket: a repeatable-read reader relies on every writer
  -- that drew a ticket before its snapshot having a transaction id assigned before it (see
  -- reader_horizon).
  PERFORM pg_catalog.pg_current_xact_id();

  -- The next value the sequence will give: every global position this transaction draws
  -- from now on is at least the ticket. Reading it draws nothing, so tickets leave no gaps.
  SELECT CASE WHEN s.is_called THEN s.last_value + 1 ELSE s.last_value END
    INTO _ticket
    FROM message_store.messages_global_position_seq s;
  IF _ticket >= 281474976710656 THEN
    RAISE EXCEPTION 'Global position % exceeds the range of writer tickets (2^48)', _ticket;
  END IF;

  -- Two-key advisory lock (objsubid 2): 16-bit marker 0x4D53 and the ticket's top 16 bits
  -- in the first key, its low 32 bits in the second.
  PERFORM pg_catalog.pg_advisory_xact_lock_shared(
    ((19795::bigint << 16) | (_ticket >> 32))::bit(32)::integer,
    _ticket::bit(32)::integer
  );
  PERFORM set_config('message_store.writer_ticket', _ticket::text, true);
END;
$$;

-- The first global position that a category or all-messages reader must not yet return:
-- nothing below it can still appear. Under READ COMMITTED it must be called before the read's
-- own snapshot is taken (the read is a later statement).
CREATE OR REPLACE FUNCTION message_store.reader_horizon()
RETURNS bigint
LANGUAGE plpgsql
VOLATILE
AS $$
DECLARE
  _last_drawn bigint;
  _oldest_ticket bigint;
  _snapshot pg_catalog.pg_snapshot;
  _xmax pg_catalog.xid8;
  _assigned_since integer;
BEGIN
  -- Order matters: the sequence first, the tickets second.
  SELECT CASE WHEN s.is_called THEN s.last_value ELSE s.last_value - 1 END
    INTO _last_drawn
    FROM message_store.messages_global_position_seq s;

  SELECT min(((l.classid::bigint & 65535) << 32) | l.objid::bigint)
    INTO _oldest_ticket
    FROM pg_catalog.pg_locks l
   WHERE l.locktype = 'advisory'
     AND l.objsubid = 2
     AND (l.classid::bigint >> 16) = 19795
     AND l.database = (SELECT d.oid FROM pg_catalog.pg_database d WHERE d.datname = current_database())
     AND l.pid IS DISTINCT FROM pg_catalog.pg_backend_pid();

  -- Under REPEATABLE READ and SERIALIZABLE the read does not take a new snapshot: it uses the
  -- transaction's, which may be older than the horizon just computed. A writer that had its
  -- ticket when that snapshot was taken but has committed since: its messages stay invisible to
  -- this transaction while later ones are visible, and returning those would skip its messages
  -- for good. register_writer takes the transaction id before the ticket, so every such writer
  -- is either listed as running in the snapshot (xip) or has an id at or above its xmax and
  -- below the next id at the time of this call (age() measures against that, fixed for the
  -- transaction). If any of those transactions has committed (checked after pg_locks: one still
  -- running then holds its ticket), return nothing; a later transaction reads normally.
  IF pg_catalog.current_setting('transaction_isolation') IN ('repeatable read', 'serializable') THEN
    _snapshot := pg_catalog.pg_current_snapshot();
    _xmax := pg_catalog.pg_snapshot_xmax(_snapshot);
    _assigned_since := pg_catalog.age(_xmax::xid);
    IF _assigned_since > 10000 THEN
      RETURN 1;
    END IF;
    IF EXISTS (
      SELECT 1
        FROM pg_catalog.pg_snapshot_xip(_snapshot) x
       WHERE pg_catalog.pg_xact_status(x) = 'committed'
    ) OR EXISTS (
      SELECT 1
        FROM pg_catalog.generate_series(0, _assigned_since - 1) i
       WHERE pg_catalog.pg_xact_status((_xmax::text::numeric + i)::text::xid8) = 'committed'
    ) THEN
      RETURN 1;
    END IF;
  END IF;

  RETURN least(_last_drawn + 1, _oldest_ticket);
END;
$$;

-- Writers of one stream are serialised by the unique index messages_stream (stream_name,
-- position), not by a lock per stream: a writer that inserts the position a concurrent
-- transaction has inserted but not committed waits for that transaction to end (as it would for
-- a lock), and if it committed, reads the stream version again. Writers of different streams
-- never wait for each other, and a transaction holds no lock per stream it writes, so writing
-- thousands of streams in one transaction cannot exhaust the server's lock table
-- (max_locks_per_transaction), as one advisory lock per stream would.
CREATE OR REPLACE FUNCTION message_store.write_message(
  id varchar,
  stream_name varchar,
  "type" varchar,
  data jsonb,
  metadata jsonb DEFAULT NULL,
  expected_version bigint DEFAULT NULL
)
RETURNS bigint
LANGUAGE plpgsql
VOLATILE
AS $$
-- Parameters are always referenced qualified (write_message.x); bare names are columns, as the
-- ON CONFLICT target needs.
#variable_conflict use_column
DECLARE
  _stream_version bigint;
  _next_position bigint;
  _snapshot_per_statement boolean;
  _read_only boolean;
BEGIN
  -- Under READ COMMITTED each statement sees every transaction committed before it started, so
  -- after waiting for a concurrent writer the stream version can be read again. Under REPEATABLE
  -- READ and SERIALIZABLE it cannot: a concurrent writer of the same position then makes the
  -- insert fail on messages_stream, as in Message DB.
  _snapshot_per_statement := pg_catalog.current_setting('transaction_isolation') NOT IN ('repeatable read', 'serializable');
  _read_only := pg_catalog.current_setting('transaction_read_only') = 'on';

  LOOP
    SELECT max(m."position") INTO _stream_version
      FROM message_store.messages m
     WHERE m.stream_name = write_message.stream_name;
    IF _stream_version IS NULL THEN
      _stream_version := -1;
    END IF;
    _next_position := _stream_version + 1;

    IF write_message.expected_version IS NOT NULL AND write_message.expected_version != _stream_version THEN
      IF _snapshot_per_statement AND NOT _read_only AND write_message.stream_name IS NOT NULL THEN
        -- Message DB would wait for a concurrent writer of the stream before comparing. Do the
        -- same: claim the next position with a placeholder. If a concurrent writer holds it,
        -- this waits for its transaction; if that committed, compare again with the new version.
        -- Otherwise the version seen is final, and the error below undoes the placeholder.
        INSERT INTO message_store.messages (id, stream_name, "position", "type")
        VALUES (pg_catalog.gen_random_uuid(), write_message.stream_name, _next_position, 'Placeholder')
        ON CONFLICT (stream_name, "position") DO NOTHING;
        CONTINUE WHEN NOT FOUND;
      END IF;
      RAISE EXCEPTION
        'Wrong expected version: % (Stream: %, Stream Version: %)',
        write_message.expected_version,
        write_message.stream_name,
        _stream_version;
    END IF;

    PERFORM message_store.register_writer();

    IF NOT _snapshot_per_statement THEN
      INSERT INTO message_store.messages (id, stream_name, "position", "type", data, metadata)
      VALUES (
        write_message.id::uuid,
        write_message.stream_name,
        _next_position,
        write_message."type",
        write_message.data,
        write_message.metadata
      );
      EXIT;
    END IF;

    -- Waits while another transaction holds this position uncommitted; inserts nothing if it
    -- committed it. Other unique violations (a duplicate id) still raise.
    INSERT INTO message_store.messages (id, stream_name, "position", "type", data, metadata)
    VALUES (
      write_message.id::uuid,
      write_message.stream_name,
      _next_position,
      write_message."type",
      write_message.data,
      write_message.metadata
    )
    ON CONFLICT (stream_name, "position") DO NOTHING;
    EXIT WHEN FOUND;
    -- A concurrent writer committed this position first: read the version again.
  END LOOP;

  IF current_setting('message_store.debug_write', true) = 'on' OR current_setting('message_store.debug', true) = 'on' THEN
    RAISE NOTICE '» write_message';
    RAISE NOTICE 'id ($1): %', write_message.id;
    RAISE NOTICE 'stream_name ($2): %', write_message.stream_name;
    RAISE NOTICE 'type ($3): %', write_message."type";
    RAISE NOTICE 'data ($4): %', write_message.data;
    RAISE NOTICE 'metadata ($5): %', write_message.metadata;
    RAISE NOTICE 'expected_version ($6): %', write_message.expected_version;
    RAISE NOTICE '_stream_version: %', _stream_version;
    RAISE NOTICE '_next_position: %', _next_position;
  END IF;

  RETURN _next_position;
END;
$$;

CREATE OR REPLACE FUNCTION message_store.get_stream_messages(
  stream_name varchar,
  "position" bigint DEFAULT 0,
  batch_size bigint DEFAULT 1000,
  condition varchar DEFAULT NULL
)
RETURNS SETOF message_store.message
LANGUAGE plpgsql
VOLATILE
AS $$
DECLARE
  _command text;
  _setting text;
BEGIN
  IF message_store.is_category(get_stream_messages.stream_name) THEN
    RAISE EXCEPTION 'Must be a stream name: %', get_stream_messages.stream_name;
  END IF;

  "position" := coalesce(get_stream_messages."position", 0);
  batch_size := coalesce(get_stream_messages.batch_size, 1000);

  _command := '
    SELECT
      id::varchar,
      stream_name::varchar,
      "type"::varchar,
      "position"::bigint,
      global_position::bigint,
      data::varchar,
      metadata::varchar,
      "time"::timestamp
    FROM message_store.messages
    WHERE stream_name = $1
      AND "position" >= $2';

  IF get_stream_messages.condition IS NOT NULL THEN
    _setting := current_setting('message_store.sql_condition', true);
    IF _setting IS NULL OR _setting = 'off' THEN
      RAISE EXCEPTION 'Retrieval with SQL condition is not activated';
    END IF;
    _command := _command || ' AND (' || get_stream_messages.condition || ')';
  END IF;

  _command := _command || ' ORDER BY "position" ASC';

  IF get_stream_messages.batch_size != -1 THEN
    _command := _command || ' LIMIT $3';
  END IF;

  IF current_setting('message_store.debug_get', true) = 'on' OR current_setting('message_store.debug', true) = 'on' THEN
    RAISE NOTICE '» get_stream_messages';
    RAISE NOTICE 'stream_name ($1): %', get_stream_messages.stream_name;
    RAISE NOTICE 'position ($2): %', get_stream_messages."position";
    RAISE NOTICE 'batch_size ($3): %', get_stream_messages.batch_size;
    RAISE NOTICE 'condition ($4): %', get_stream_messages.condition;
    RAISE NOTICE 'Generated Command: %', _command;
  END IF;

  IF get_stream_messages.condition IS NULL THEN
    RETURN QUERY
      SELECT
        m.id::varchar,
        m.stream_name::varchar,
        m."type"::varchar,
        m."position"::bigint,
        m.global_position::bigint,
        m.data::varchar,
        m.metadata::varchar,
        m."time"::timestamp
      FROM message_store.messages m
      WHERE m.stream_name = get_stream_messages.stream_name
        AND m."position" >= get_stream_messages."position"
      ORDER BY m."position" ASC
      LIMIT CASE WHEN get_stream_messages.batch_size = -1 THEN NULL ELSE get_stream_messages.batch_size END;
    RETURN;
  END IF;

  RETURN QUERY EXECUTE _command USING
    get_stream_messages.stream_name,
    get_stream_messages."position",
    get_stream_messages.batch_size;
END;
$$;

CREATE OR REPLACE FUNCTION message_store.get_category_messages(
  category varchar,
  "position" bigint DEFAULT 1,
  batch_size bigint DEFAULT 1000,
  correlation varchar DEFAULT NULL,
  consumer_group_member bigint DEFAULT NULL,
  consumer_group_size bigint DEFAULT NULL,
  condition varchar DEFAULT NULL
)
RETURNS SETOF message_store.message
LANGUAGE plpgsql
VOLATILE
AS $$
DECLARE
  _command text;
  _setting text;
  _horizon bigint;
BEGIN
  IF NOT message_store.is_category(get_category_messages.category) THEN
    RAISE EXCEPTION 'Must be a category: %', get_category_messages.category;
  END IF;

  "position" := coalesce(get_category_messages."position", 1);
  batch_size := coalesce(get_category_messages.batch_size, 1000);

  IF get_category_messages.correlation IS NOT NULL THEN
    IF strpos(get_category_messages.correlation, '-') > 0 THEN
      RAISE EXCEPTION 'Correlation must be a category (Correlation: %)', get_category_messages.correlation;
    END IF;
  END IF;

  IF (get_category_messages.consumer_group_member IS NOT NULL AND get_category_messages.consumer_group_size IS NULL)
     OR (get_category_messages.consumer_group_member IS NULL AND get_category_messages.consumer_group_size IS NOT NULL) THEN
    RAISE EXCEPTION 'Consumer group member and size must be specified (Consumer Group Member: %, Consumer Group Size: %)',
      get_category_messages.consumer_group_member, get_category_messages.consumer_group_size;
  END IF;

  IF get_category_messages.consumer_group_member IS NOT NULL THEN
    IF get_category_messages.consumer_group_size < 1 THEN
      RAISE EXCEPTION 'Consumer group size must not be less than 1 (Consumer Group Member: %, Consumer Group Size: %)',
        get_category_messages.consumer_group_member, get_category_messages.consumer_group_size;
    END IF;
    IF get_category_messages.consumer_group_member < 0 THEN
      RAISE EXCEPTION 'Consumer group member must not be less than 0 (Consumer Group Member: %, Consumer Group Size: %)',
        get_category_messages.consumer_group_member, get_category_messages.consumer_group_size;
    END IF;
    IF get_category_messages.consumer_group_member >= get_category_messages.consumer_group_size THEN
      RAISE EXCEPTION 'Consumer group member must be less than the group size (Consumer Group Member: %, Consumer Group Size: %)',
        get_category_messages.consumer_group_member, get_category_messages.consumer_group_size;
    END IF;
  END IF;

  IF get_category_messages.condition IS NOT NULL THEN
    _setting := current_setting('message_store.sql_condition', true);
    IF _setting IS NULL OR _setting = 'off' THEN
      RAISE EXCEPTION 'Retrieval with SQL condition is not activated';
    END IF;
  END IF;

  _horizon := message_store.reader_horizon();

  _command := '
    SELECT
      id::varchar,
      stream_name::varchar,
      "type"::varchar,
      "position"::bigint,
      global_position::bigint,
      data::varchar,
      metadata::varchar,
      "time"::timestamp
    FROM message_store.messages
    WHERE (message_store.category(stream_name), global_position) >= ($1, $2)
      AND (message_store.category(stream_name), global_position) < ($1, $7)';

  IF get_category_messages.correlation IS NOT NULL THEN
    _command := _command || ' AND message_store.category(metadata->>''correlationStreamName'') = $4';
  END IF;

  IF get_category_messages.consumer_group_member IS NOT NULL THEN
    _command := _command || ' AND mod(@message_store.hash_64(message_store.cardinal_id(stream_name)), $6) = $5';
  END IF;

  IF get_category_messages.condition IS NOT NULL THEN
    _command := _command || ' AND (' || get_category_messages.condition || ')';
  END IF;

  _command := _command || ' ORDER BY message_store.category(stream_name), global_position ASC';

  IF get_category_messages.batch_size != -1 THEN
    _command := _command || ' LIMIT $3';
  END IF;

  IF current_setting('message_store.debug_get', true) = 'on' OR current_setting('message_store.debug', true) = 'on' THEN
    RAISE NOTICE '» get_category_messages';
    RAISE NOTICE 'category ($1): %', get_category_messages.category;
    RAISE NOTICE 'position ($2): %', get_category_messages."position";
    RAISE NOTICE 'batch_size ($3): %', get_category_messages.batch_size;
    RAISE NOTICE 'correlation ($4): %', get_category_messages.correlation;
    RAISE NOTICE 'consumer_group_member ($5): %', get_category_messages.consumer_group_member;
    RAISE NOTICE 'consumer_group_size ($6): %', get_category_messages.consumer_group_size;
    RAISE NOTICE 'condition: %', get_category_messages.condition;
    RAISE NOTICE 'Generated Command: %', _command;
  END IF;

  -- The bounds and the order are written on (category, global_position), the leading columns of
  -- messages_category, so that index is the only way to produce them: with a plain category
  -- equality the planner may walk the primary key and filter out every other category's rows.
  -- Without a condition the query is static, so its plan is prepared once per session instead
  -- of once per batch; _command above describes it for the debug output.
  IF get_category_messages.condition IS NULL THEN
    RETURN QUERY
      SELECT
        m.id::varchar,
        m.stream_name::varchar,
        m."type"::varchar,
        m."position"::bigint,
        m.global_position::bigint,
        m.data::varchar,
        m.metadata::varchar,
        m."time"::timestamp
      FROM message_store.messages m
      WHERE (message_store.category(m.stream_name), m.global_position)
              >= (get_category_messages.category, get_category_messages."position")
        AND (message_store.category(m.stream_name), m.global_position)
              < (get_category_messages.category, _horizon)
        AND (get_category_messages.correlation IS NULL
             OR message_store.category(m.metadata->>'correlationStreamName') = get_category_messages.correlation)
        AND (get_category_messages.consumer_group_member IS NULL
             OR mod(@message_store.hash_64(message_store.cardinal_id(m.stream_name)), get_category_messages.consumer_group_size)
                = get_category_messages.consumer_group_member)
      ORDER BY message_store.category(m.stream_name), m.global_position ASC
      LIMIT CASE WHEN get_category_messages.batch_size = -1 THEN NULL ELSE get_category_messages.batch_size END;
    RETURN;
  END IF;

  RETURN QUERY EXECUTE _command USING
    get_category_messages.category,
    get_category_messages."position",
    get_category_messages.batch_size,
    get_category_messages.correlation,
    get_category_messages.consumer_group_member,
    get_category_messages.consumer_group_size,
    _horizon;
END;
$$;

-- Not part of Message DB: every message of the store in global-position order, with the
-- same never-skip guarantee as category reads.
CREATE OR REPLACE FUNCTION message_store.get_all_messages(
  "position" bigint DEFAULT 1,
  batch_size bigint DEFAULT 1000
)
RETURNS SETOF message_store.message
LANGUAGE plpgsql
VOLATILE
AS $$
DECLARE
  _horizon bigint;
BEGIN
  "position" := coalesce(get_all_messages."position", 1);
  batch_size := coalesce(get_all_messages.batch_size, 1000);
  _horizon := message_store.reader_horizon();

  IF current_setting('message_store.debug_get', true) = 'on' OR current_setting('message_store.debug', true) = 'on' THEN
    RAISE NOTICE '» get_all_messages';
    RAISE NOTICE 'position ($1): %', get_all_messages."position";
    RAISE NOTICE 'batch_size ($2): %', get_all_messages.batch_size;
  END IF;

  RETURN QUERY
    SELECT
      m.id::varchar,
      m.stream_name::varchar,
      m."type"::varchar,
      m."position"::bigint,
      m.global_position::bigint,
      m.data::varchar,
      m.metadata::varchar,
      m."time"::timestamp
    FROM message_store.messages m
    WHERE m.global_position >= get_all_messages."position"
      AND m.global_position < _horizon
    ORDER BY m.global_position ASC
    LIMIT CASE WHEN get_all_messages.batch_size = -1 THEN NULL ELSE get_all_messages.batch_size END;
END;
$$;

CREATE OR REPLACE FUNCTION message_store.get_last_stream_message(
  stream_name varchar,
  "type" varchar DEFAULT NULL
)
RETURNS SETOF message_store.message
LANGUAGE plpgsql
VOLATILE
AS $$
DECLARE
  _command text;
BEGIN
  _command := '
    SELECT
      id::varchar,
      stream_name::varchar,
      "type"::varchar,
      "position"::bigint,
      global_position::bigint,
      data::varchar,
      metadata::varchar,
      "time"::timestamp
    FROM message_store.messages
    WHERE stream_name = $1';

  IF get_last_stream_message."type" IS NOT NULL THEN
    _command := _command || ' AND "type" = $2';
  END IF;

  _command := _command || ' ORDER BY "position" DESC LIMIT 1';

  IF current_setting('message_store.debug_get', true) = 'on' OR current_setting('message_store.debug', true) = 'on' THEN
    RAISE NOTICE '» get_last_message';
    RAISE NOTICE 'stream_name ($1): %', get_last_stream_message.stream_name;
    RAISE NOTICE 'type ($2): %', get_last_stream_message."type";
    RAISE NOTICE 'Generated Command: %', _command;
  END IF;

  RETURN QUERY EXECUTE _command USING get_last_stream_message.stream_name, get_last_stream_message."type";
END;
$$;

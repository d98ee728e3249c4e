-- Candidate change to get_category_messages (for the SQL owner; measured with
--   benchmarks/run store --ours-sql <this file>):
-- the category and position bounds as row comparisons, ordered by (category, global_position),
-- so that only messages_category can deliver the rows in order and the planner can no longer
-- choose a primary-key scan that filters through every other category. Same rows, same order.
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

  _command := _command || ' ORDER BY message_store.category(stream_name) ASC, global_position ASC';

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

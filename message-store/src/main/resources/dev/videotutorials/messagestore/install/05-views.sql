CREATE OR REPLACE VIEW message_store.stream_summary AS
  WITH counts AS (
    SELECT stream_name, count(*) AS message_count FROM message_store.messages GROUP BY stream_name
  ), total AS (
    SELECT count(*) AS n FROM message_store.messages
  )
  SELECT c.stream_name, c.message_count, round(c.message_count::numeric / t.n * 100, 2) AS percent
  FROM counts c CROSS JOIN total t
  ORDER BY c.stream_name;

CREATE OR REPLACE VIEW message_store.type_summary AS
  WITH counts AS (
    SELECT "type", count(*) AS message_count FROM message_store.messages GROUP BY "type"
  ), total AS (
    SELECT count(*) AS n FROM message_store.messages
  )
  SELECT c."type", c.message_count, round(c.message_count::numeric / t.n * 100, 2) AS percent
  FROM counts c CROSS JOIN total t
  ORDER BY c."type";

CREATE OR REPLACE VIEW message_store.stream_type_summary AS
  WITH counts AS (
    SELECT stream_name, "type", count(*) AS message_count FROM message_store.messages GROUP BY stream_name, "type"
  ), total AS (
    SELECT count(*) AS n FROM message_store.messages
  )
  SELECT c.stream_name, c."type", c.message_count, round(c.message_count::numeric / t.n * 100, 2) AS percent
  FROM counts c CROSS JOIN total t
  ORDER BY c.stream_name, c."type";

CREATE OR REPLACE VIEW message_store.type_stream_summary AS
  WITH counts AS (
    SELECT "type", stream_name, count(*) AS message_count FROM message_store.messages GROUP BY "type", stream_name
  ), total AS (
    SELECT count(*) AS n FROM message_store.messages
  )
  SELECT c."type", c.stream_name, c.message_count, round(c.message_count::numeric / t.n * 100, 2) AS percent
  FROM counts c CROSS JOIN total t
  ORDER BY c."type", c.stream_name;

CREATE OR REPLACE VIEW message_store.category_type_summary AS
  WITH counts AS (
    SELECT message_store.category(stream_name) AS category, "type", count(*) AS message_count
    FROM message_store.messages GROUP BY 1, 2
  ), total AS (
    SELECT count(*) AS n FROM message_store.messages
  )
  SELECT c.category, c."type", c.message_count, round(c.message_count::numeric / t.n * 100, 2) AS percent
  FROM counts c CROSS JOIN total t
  ORDER BY c.category, c."type";

CREATE OR REPLACE VIEW message_store.type_category_summary AS
  WITH counts AS (
    SELECT "type", message_store.category(stream_name) AS category, count(*) AS message_count
    FROM message_store.messages GROUP BY 1, 2
  ), total AS (
    SELECT count(*) AS n FROM message_store.messages
  )
  SELECT c."type", c.category, c.message_count, round(c.message_count::numeric / t.n * 100, 2) AS percent
  FROM counts c CROSS JOIN total t
  ORDER BY c."type", c.category;

package dev.videotutorials.messagestore.install;

import java.util.List;

/**
 * The parts of a stock Message DB 1.2-era install that matter to our installer, written for this
 * test from the description in the spec (§1): schema, type, table in the 1.2.4 column order, the
 * one-argument get_last_stream_message that 1.3 replaced, the role, and one message.
 */
final class StockMessageDb12 {

  static final List<String> STATEMENTS = List.of(
      """
      DO $$ BEGIN
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'message_store') THEN CREATE ROLE message_store WITH LOGIN; END IF;
      END $$""",
      "CREATE SCHEMA message_store",
      """
      CREATE TABLE message_store.messages (
        global_position bigserial NOT NULL,
        "position" bigint NOT NULL,
        "time" timestamp without time zone DEFAULT (now() AT TIME ZONE 'utc') NOT NULL,
        stream_name text NOT NULL,
        "type" text NOT NULL,
        data jsonb,
        metadata jsonb,
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        CONSTRAINT messages_pkey PRIMARY KEY (global_position) NOT DEFERRABLE INITIALLY IMMEDIATE
      )""",
      """
      CREATE TYPE message_store.message AS (
        id varchar, stream_name varchar, "type" varchar, "position" bigint, global_position bigint,
        data varchar, metadata varchar, "time" timestamp
      )""",
      """
      CREATE FUNCTION message_store.get_last_stream_message(stream_name varchar)
      RETURNS SETOF message_store.message LANGUAGE sql AS $$
        SELECT id::varchar, stream_name::varchar, "type"::varchar, "position", global_position,
               data::varchar, metadata::varchar, "time"
        FROM message_store.messages WHERE messages.stream_name = $1 ORDER BY "position" DESC LIMIT 1
      $$""",
      """
      INSERT INTO message_store.messages ("position", stream_name, "type", data)
      VALUES (0, 'legacy-1', 'Legacy', '{"kept": true}')""");

  private StockMessageDb12() {
  }
}

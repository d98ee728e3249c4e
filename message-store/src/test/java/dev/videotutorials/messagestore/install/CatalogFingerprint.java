package dev.videotutorials.messagestore.install;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything the installer creates, read back from the catalog as text lines: the role, the
 * schema, columns, constraints, indexes, function definitions, views, the composite type,
 * sequences, every grant, and the installed revision. Two databases installed the same way have
 * equal {@link #definitions} fingerprints; {@link #identity} adds what only stays equal within one
 * database when nothing was dropped, recreated or rewritten (object ids, relfilenodes, the
 * sequence position, the time of installation).
 */
final class CatalogFingerprint {

  private static final String SCHEMA_OID = "(SELECT oid FROM pg_namespace WHERE nspname = 'message_store')";

  private static final List<String> DEFINITION_QUERIES = List.of(
      """
      SELECT 'role', rolname, rolsuper, rolinherit, rolcreaterole, rolcreatedb, rolcanlogin, rolreplication,
             rolbypassrls, rolconnlimit, rolvaliduntil, rolconfig
      FROM pg_roles WHERE rolname = 'message_store'
      """,
      """
      SELECT 'schema', nspname, pg_get_userbyid(nspowner) FROM pg_namespace WHERE nspname = 'message_store'
      """,
      """
      SELECT 'column', table_name, ordinal_position, column_name, data_type, column_default, is_nullable
      FROM information_schema.columns WHERE table_schema = 'message_store'
      ORDER BY table_name, ordinal_position
      """,
      """
      SELECT 'constraint', conrelid::regclass::text, conname, pg_get_constraintdef(oid)
      FROM pg_constraint WHERE connamespace = %s ORDER BY 2, 3
      """.formatted(SCHEMA_OID),
      """
      SELECT 'index', tablename, indexname, indexdef FROM pg_indexes
      WHERE schemaname = 'message_store' ORDER BY tablename, indexname
      """,
      """
      SELECT 'function', p.oid::regprocedure::text, pg_get_userbyid(p.proowner), p.provolatile, p.prosecdef,
             p.proisstrict, p.proconfig, pg_get_functiondef(p.oid)
      FROM pg_proc p WHERE p.pronamespace = %s ORDER BY 2
      """.formatted(SCHEMA_OID),
      """
      SELECT 'view', c.relname, pg_get_userbyid(c.relowner), pg_get_viewdef(c.oid)
      FROM pg_class c WHERE c.relnamespace = %s AND c.relkind = 'v' ORDER BY 2
      """.formatted(SCHEMA_OID),
      """
      SELECT 'relation', c.relname, c.relkind, pg_get_userbyid(c.relowner)
      FROM pg_class c WHERE c.relnamespace = %s ORDER BY 2
      """.formatted(SCHEMA_OID),
      """
      SELECT 'type', t.typname, a.attnum, a.attname, format_type(a.atttypid, a.atttypmod)
      FROM pg_type t JOIN pg_class c ON c.oid = t.typrelid JOIN pg_attribute a ON a.attrelid = c.oid
      WHERE t.typnamespace = %s AND c.relkind = 'c' AND a.attnum > 0 ORDER BY 2, 3
      """.formatted(SCHEMA_OID),
      """
      SELECT 'sequence', sequencename, data_type, start_value, increment_by, cache_size, cycle
      FROM pg_sequences WHERE schemaname = 'message_store' ORDER BY 2
      """,
      """
      SELECT 'grant', object, pg_get_userbyid(a.grantor), CASE WHEN a.grantee = 0 THEN 'PUBLIC' ELSE pg_get_userbyid(a.grantee) END,
             a.privilege_type, a.is_grantable
      FROM (
        SELECT 'schema ' || nspname AS object, nspacl AS acl FROM pg_namespace WHERE nspname = 'message_store'
        UNION ALL
        SELECT 'relation ' || relname, relacl FROM pg_class WHERE relnamespace = %1$s
        UNION ALL
        SELECT 'function ' || oid::regprocedure::text, proacl FROM pg_proc
        WHERE pronamespace = %1$s OR oid = 'pg_catalog.gen_random_uuid()'::regprocedure
        UNION ALL
        SELECT 'type ' || typname, typacl FROM pg_type WHERE typnamespace = %1$s
      ) objects, LATERAL aclexplode(objects.acl) a
      ORDER BY 2, 4, 5
      """.formatted(SCHEMA_OID),
      """
      SELECT 'revision', revision, message_db_version FROM message_store.installed_revision
      """);

  private static final List<String> IDENTITY_QUERIES = List.of(
      """
      SELECT 'relation identity', relname, oid, relfilenode FROM pg_class WHERE relnamespace = %s ORDER BY 2
      """.formatted(SCHEMA_OID),
      """
      SELECT 'function identity', oid::regprocedure::text, oid FROM pg_proc WHERE pronamespace = %s ORDER BY 2
      """.formatted(SCHEMA_OID),
      """
      SELECT 'type identity', typname, oid FROM pg_type WHERE typnamespace = %s ORDER BY 2
      """.formatted(SCHEMA_OID),
      """
      SELECT 'sequence position', sequencename, last_value FROM pg_sequences WHERE schemaname = 'message_store'
      """,
      """
      SELECT 'revision time', installed_at FROM message_store.installed_revision
      """);

  private CatalogFingerprint() {
  }

  /** What any two equal installs share. */
  static List<String> definitions(Connection connection) throws SQLException {
    return lines(connection, DEFINITION_QUERIES);
  }

  /** {@link #definitions} plus the identity of every object in this database. */
  static List<String> identity(Connection connection) throws SQLException {
    List<String> lines = new ArrayList<>(definitions(connection));
    lines.addAll(lines(connection, IDENTITY_QUERIES));
    return lines;
  }

  private static List<String> lines(Connection connection, List<String> queries) throws SQLException {
    List<String> lines = new ArrayList<>();
    try (Statement statement = connection.createStatement()) {
      for (String query : queries) {
        try (ResultSet rs = statement.executeQuery(query)) {
          ResultSetMetaData meta = rs.getMetaData();
          while (rs.next()) {
            StringBuilder line = new StringBuilder();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
              line.append(i == 1 ? "" : " | ").append(rs.getString(i));
            }
            lines.add(line.toString());
          }
        }
      }
    }
    return lines;
  }
}

package dev.videotutorials.messagestore.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.videotutorials.messagestore.Hash64;
import dev.videotutorials.messagestore.StreamName;
import dev.videotutorials.messagestore.testing.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The Java stream-name helpers and hash give exactly what the store's SQL functions give. */
class SqlParityTest {

  private static final long[] GROUP_SIZES = {1, 2, 3, 5, 7, 16};

  private static TestDatabase db;

  @BeforeAll
  static void createStore() {
    db = TestDatabase.withMessageStore();
  }

  @AfterAll
  static void dropStore() {
    db.close();
  }

  /** Spec §3.5: value, hash_64, abs mod 2, abs mod 3. */
  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
      "someCategory | 2088807128541146304 | 0 | 0",
      "account | -2132379389342958165 | 1 | 0",
      "123 | 2318431741638412123 | 1 | 1",
      "abc | -8070080442485551184 | 0 | 2",
      "\"\" | -3162216497309240828 | 0 | 2",
      "Ünïcödé | 1166052208550785799 | 1 | 2",
  })
  void hashVectorsOfTheSpecification(String value, long hash, long mod2, long mod3) throws SQLException {
    assertThat(Hash64.of(value)).isEqualTo(hash);
    assertThat(Math.abs(Hash64.of(value)) % 2).isEqualTo(mod2);
    assertThat(Math.abs(Hash64.of(value)) % 3).isEqualTo(mod3);
    assertThat(Hash64.consumerGroupMember("category-" + value, 2)).isEqualTo(mod2);
    assertThat(Hash64.consumerGroupMember("category-" + value + "+other", 3)).isEqualTo(mod3);
    assertThat(sqlHash(value)).isEqualTo(hash);
  }

  @Test
  void hashOfDebugCatAndOfNull() throws SQLException {
    assertThat(Hash64.of("debugCat")).isEqualTo(6950060941554459106L);
    assertThat(Hash64.of(null)).isNull();
    assertThat(sqlHash(null)).isNull();
  }

  @Test
  void consumerGroupMemberOfAStreamWithoutIdIsNone() {
    assertThat(Hash64.consumerGroupMember("account", 3)).isEqualTo(-1);
    assertThat(Hash64.consumerGroupMember("account-+x", 3)).isEqualTo(Math.abs(Hash64.of("")) % 3);
    assertThatThrownBy(() -> Hash64.consumerGroupMember("account-1", 0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void javaAndSqlAgreeOnGeneratedStreamNames() throws SQLException {
    List<String> names = generatedNames(new Random(20240611L), 400);
    String sql = """
        SELECT n.name,
               message_store.hash_64(n.name) AS hash,
               message_store.category(n.name) AS category,
               message_store.id(n.name) AS id,
               message_store.cardinal_id(n.name) AS cardinal_id,
               message_store.is_category(n.name) AS is_category
        FROM unnest(?::varchar[]) WITH ORDINALITY AS n(name, i)
        ORDER BY n.i""";
    SoftAssertions softly = new SoftAssertions();
    int rows = 0;
    try (Connection connection = db.dataSource().getConnection();
         PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setArray(1, connection.createArrayOf("varchar", names.toArray()));
      try (ResultSet rs = statement.executeQuery()) {
        while (rs.next()) {
          String name = rs.getString("name");
          assertThat(name).isEqualTo(names.get(rows++));
          softly.assertThat(Hash64.of(name)).as("hash_64(%s)", name).isEqualTo(rs.getLong("hash"));
          softly.assertThat(StreamName.category(name)).as("category(%s)", name).isEqualTo(rs.getString("category"));
          softly.assertThat(StreamName.id(name)).as("id(%s)", name).isEqualTo(rs.getString("id"));
          softly.assertThat(StreamName.cardinalId(name)).as("cardinal_id(%s)", name).isEqualTo(rs.getString("cardinal_id"));
          softly.assertThat(StreamName.isCategory(name)).as("is_category(%s)", name).isEqualTo(rs.getBoolean("is_category"));
        }
      }
    }
    assertThat(rows).isEqualTo(names.size());
    softly.assertAll();
  }

  @Test
  void consumerGroupMemberEqualsTheSqlMembership() throws SQLException {
    List<String> names = generatedNames(new Random(77L), 300);
    String sql = """
        SELECT n.name, s.size,
               mod(@message_store.hash_64(message_store.cardinal_id(n.name)), s.size) AS member
        FROM unnest(?::varchar[]) WITH ORDINALITY AS n(name, i)
        CROSS JOIN unnest(?::bigint[]) AS s(size)
        ORDER BY n.i, s.size""";
    SoftAssertions softly = new SoftAssertions();
    int rows = 0;
    try (Connection connection = db.dataSource().getConnection();
         PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setArray(1, connection.createArrayOf("varchar", names.toArray()));
      statement.setArray(2, connection.createArrayOf("bigint", Arrays.stream(GROUP_SIZES).boxed().toArray()));
      try (ResultSet rs = statement.executeQuery()) {
        while (rs.next()) {
          rows++;
          String name = rs.getString("name");
          long size = rs.getLong("size");
          long member = rs.getLong("member");
          long expected = rs.wasNull() ? -1 : member;
          softly.assertThat(Hash64.consumerGroupMember(name, size)).as("member of %s in %s", name, size).isEqualTo(expected);
        }
      }
    }
    assertThat(rows).isEqualTo(names.size() * GROUP_SIZES.length);
    softly.assertAll();
  }

  private static Long sqlHash(String value) throws SQLException {
    try (Connection connection = db.dataSource().getConnection();
         PreparedStatement statement = connection.prepareStatement("SELECT message_store.hash_64(?)")) {
      statement.setString(1, value);
      try (ResultSet rs = statement.executeQuery()) {
        rs.next();
        long hash = rs.getLong(1);
        return rs.wasNull() ? null : hash;
      }
    }
  }

  /**
   * Stream names built from pieces that stress the grammar: dashes and pluses in every place,
   * category types, empty parts, and text outside ASCII (accents, CJK, emoji beyond the BMP).
   */
  static List<String> generatedNames(Random random, int count) {
    String[] pieces = {
        "account", "identity", "a", "Ünïcödé", "日本語", "😀", "ß", "ﬁ", "x y", "123", "0", "",
        "-", "--", "+", "++", ":", "command", "-+", "+-", "é", "\t", "'", "\"", "\\", "%", "_",
    };
    Set<String> names = new LinkedHashSet<>(List.of("", "-", "+", "-+", "a-", "-a", "a--b", "a-+", "a-b+", "a:b-c+d+e"));
    while (names.size() < count) {
      int parts = 1 + random.nextInt(6);
      StringBuilder name = new StringBuilder();
      for (int i = 0; i < parts; i++) {
        name.append(pieces[random.nextInt(pieces.length)]);
      }
      names.add(name.toString());
    }
    return new ArrayList<>(names);
  }
}

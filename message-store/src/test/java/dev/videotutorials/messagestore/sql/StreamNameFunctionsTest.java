package dev.videotutorials.messagestore.sql;

import static dev.videotutorials.messagestore.sql.Sql.value;
import static org.assertj.core.api.Assertions.assertThat;

import dev.videotutorials.messagestore.testing.TestDatabase;
import java.sql.Connection;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** category, id, cardinal_id, is_category and hash_64 against the examples and vectors of the spec. */
class StreamNameFunctionsTest {

  private static TestDatabase db;
  private static Connection c;

  @BeforeAll
  static void createDatabase() throws Exception {
    db = TestDatabase.withMessageStore();
    c = Sql.connect(db);
  }

  @AfterAll
  static void dropDatabase() throws Exception {
    c.close();
    db.close();
  }

  private static Object call(String function, String argument) throws Exception {
    return value(c, "SELECT message_store." + function + "(?)", argument);
  }

  private static Object callNamed(String function, String parameter, String argument) throws Exception {
    return value(c, "SELECT message_store." + function + "(" + parameter + " => ?)", argument);
  }

  @Test
  void category() throws Exception {
    assertThat(call("category", "account-123+456")).isEqualTo("account");
    assertThat(call("category", "account:command-123")).isEqualTo("account:command");
    assertThat(call("category", "account")).isEqualTo("account");
    assertThat(call("category", "a-b-c")).isEqualTo("a");
    assertThat(call("category", "-x")).isEqualTo("");
    assertThat(call("category", "")).isEqualTo("");
    assertThat(call("category", null)).isNull();
    assertThat(callNamed("category", "stream_name", "x-1")).isEqualTo("x");
  }

  @Test
  void id() throws Exception {
    assertThat(call("id", "account-123")).isEqualTo("123");
    assertThat(call("id", "a-b-c")).isEqualTo("b-c");
    assertThat(call("id", "account-123+456")).isEqualTo("123+456");
    assertThat(call("id", "x-")).isEqualTo("");
    assertThat(call("id", "account")).isNull();
    assertThat(call("id", "")).isNull();
    assertThat(call("id", null)).isNull();
    assertThat(callNamed("id", "stream_name", "x-1")).isEqualTo("1");
  }

  @Test
  void cardinalId() throws Exception {
    assertThat(call("cardinal_id", "account-123+456")).isEqualTo("123");
    assertThat(call("cardinal_id", "account-123")).isEqualTo("123");
    assertThat(call("cardinal_id", "account:command+position-123+456+789")).isEqualTo("123");
    assertThat(call("cardinal_id", "account-+x")).isEqualTo("");
    assertThat(call("cardinal_id", "a-b-c+d")).isEqualTo("b-c");
    assertThat(call("cardinal_id", "account")).isNull();
    assertThat(call("cardinal_id", null)).isNull();
    assertThat(callNamed("cardinal_id", "stream_name", "x-1+2")).isEqualTo("1");
  }

  @Test
  void isCategory() throws Exception {
    assertThat(call("is_category", "account")).isEqualTo(true);
    assertThat(call("is_category", "account:command")).isEqualTo(true);
    assertThat(call("is_category", "account-123")).isEqualTo(false);
    assertThat(call("is_category", "-")).isEqualTo(false);
    assertThat(call("is_category", "")).isEqualTo(true);
    assertThat(call("is_category", null)).isEqualTo(true);
    assertThat(callNamed("is_category", "stream_name", "x-1")).isEqualTo(false);
  }

  @Test
  void hash64TestVectors() throws Exception {
    assertThat(call("hash_64", "someCategory")).isEqualTo(2088807128541146304L);
    assertThat(call("hash_64", "account")).isEqualTo(-2132379389342958165L);
    assertThat(call("hash_64", "123")).isEqualTo(2318431741638412123L);
    assertThat(call("hash_64", "abc")).isEqualTo(-8070080442485551184L);
    assertThat(call("hash_64", "")).isEqualTo(-3162216497309240828L);
    assertThat(call("hash_64", "Ünïcödé")).isEqualTo(1166052208550785799L);
    assertThat(call("hash_64", "debugCat")).isEqualTo(6950060941554459106L);
    assertThat(call("hash_64", null)).isNull();
    assertThat(callNamed("hash_64", "value", "account")).isEqualTo(-2132379389342958165L);
  }

  @Test
  void hash64ModuloColumnsOfTheVectorTable() throws Exception {
    String sql = "SELECT mod(@message_store.hash_64(?), ?)";
    String[] values = {"someCategory", "account", "123", "abc", "", "Ünïcödé"};
    long[] mod2 = {0, 1, 1, 0, 0, 1};
    long[] mod3 = {0, 0, 1, 2, 2, 2};
    for (int i = 0; i < values.length; i++) {
      assertThat(value(c, sql, values[i], 2)).as("%s mod 2", values[i]).isEqualTo(mod2[i]);
      assertThat(value(c, sql, values[i], 3)).as("%s mod 3", values[i]).isEqualTo(mod3[i]);
    }
    assertThat(value(c, sql, null, 2)).isNull();
  }

  @Test
  void hash64AgreesWithAnIndependentMd5ImplementationOnRandomStrings() throws Exception {
    Random random = new Random(64);
    String alphabet = "abcXYZ0189-+:_ äöüßé€😀";
    for (int n = 0; n < 200; n++) {
      StringBuilder s = new StringBuilder();
      int length = random.nextInt(40);
      for (int i = 0; i < length; i++) {
        s.appendCodePoint(alphabet.codePointAt(alphabet.offsetByCodePoints(0, random.nextInt(alphabet.codePointCount(0, alphabet.length())))));
      }
      assertThat(call("hash_64", s.toString())).as("hash_64(%s)", s).isEqualTo(Sql.hash64(s.toString()));
    }
  }
}

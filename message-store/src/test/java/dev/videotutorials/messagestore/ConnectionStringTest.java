package dev.videotutorials.messagestore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.postgresql.Driver;

class ConnectionStringTest {

  @Test
  void theOriginalSystemsFormBecomesAJdbcUrlWithSeparateCredentials() {
    ConnectionString cs = ConnectionString.parse("postgresql://writer:s3cret@db.example.com:5433/message_store");

    assertThat(cs.jdbcUrl()).isEqualTo("jdbc:postgresql://db.example.com:5433/message_store");
    assertThat(cs.user()).isEqualTo("writer");
    assertThat(cs.password()).isEqualTo("s3cret");
    assertThat(cs.databaseName()).isEqualTo("message_store");
    assertThat(cs.serverAddress()).isEqualTo("db.example.com:5433");
  }

  @Test
  void postgresSchemeNoPortNoPasswordAndNoUserAreAccepted() {
    assertThat(ConnectionString.parse("postgres://reader@localhost/store"))
        .isEqualTo(new ConnectionString("jdbc:postgresql://localhost/store", "reader", null));
    assertThat(ConnectionString.parse("postgresql://localhost/store"))
        .isEqualTo(new ConnectionString("jdbc:postgresql://localhost/store", null, null));
    assertThat(ConnectionString.parse("postgresql://localhost/store").serverAddress()).isEqualTo("localhost:5432");
  }

  @Test
  void percentEncodedCredentialsAreDecodedAndAPlusStaysAPlus() {
    ConnectionString cs = ConnectionString.parse("postgresql://us%40er:p%2Fa+ss%3A@localhost:5432/db");

    assertThat(cs.user()).isEqualTo("us@er");
    assertThat(cs.password()).isEqualTo("p/a+ss:");
  }

  @Test
  void anUnencodedAtSignInThePasswordStillParses() {
    ConnectionString cs = ConnectionString.parse("postgresql://user:p@ss@localhost:5432/db");

    assertThat(cs.user()).isEqualTo("user");
    assertThat(cs.password()).isEqualTo("p@ss");
    assertThat(cs.jdbcUrl()).isEqualTo("jdbc:postgresql://localhost:5432/db");
  }

  @Test
  void theQueryStringIsPassedToTheDriver() {
    ConnectionString cs = ConnectionString.parse("postgresql://u@localhost/db?sslmode=disable&ApplicationName=cli");

    assertThat(cs.jdbcUrl()).isEqualTo("jdbc:postgresql://localhost/db?sslmode=disable&ApplicationName=cli");
    Properties parsed = Driver.parseURL(cs.jdbcUrl(), null);
    assertThat(parsed.getProperty("sslmode")).isEqualTo("disable");
    assertThat(parsed.getProperty("ApplicationName")).isEqualTo("cli");
  }

  @Test
  void ipv6AndSeveralHostsAreKept() {
    assertThat(ConnectionString.parse("postgresql://[::1]:5432/db").jdbcUrl()).isEqualTo("jdbc:postgresql://[::1]:5432/db");
    ConnectionString several = ConnectionString.parse("postgresql://u:p@one:5432,two:5433/db");
    assertThat(several.jdbcUrl()).isEqualTo("jdbc:postgresql://one:5432,two:5433/db");
    assertThat(several.serverAddress()).isEqualTo("one:5432,two:5433");
  }

  @Test
  void aDatabaseNameWithSpecialCharactersReachesTheDriverIntact() {
    ConnectionString cs = ConnectionString.parse("postgresql://localhost/my%20store+1");

    assertThat(cs.databaseName()).isEqualTo("my store+1");
    assertThat(Driver.parseURL(cs.jdbcUrl(), null).getProperty("PGDBNAME")).isEqualTo("my store+1");
  }

  @Test
  void withDatabaseKeepsServerOptionsAndCredentials() {
    ConnectionString cs = ConnectionString.parse("postgresql://u:p@localhost:5432/store?sslmode=disable");

    ConnectionString admin = cs.withDatabase("postgres");
    assertThat(admin).isEqualTo(new ConnectionString("jdbc:postgresql://localhost:5432/postgres?sslmode=disable", "u", "p"));
    assertThat(cs.withDatabase("Other Db").databaseName()).isEqualTo("Other Db");
    assertThat(new ConnectionString("jdbc:postgresql:store", null, null).withDatabase("postgres").jdbcUrl())
        .isEqualTo("jdbc:postgresql:postgres");
  }

  @Test
  void jdbcUrlsAreTakenAsTheyAre() {
    ConnectionString cs = ConnectionString.parse("jdbc:postgresql://localhost:5432/store?user=u&password=p");

    assertThat(cs.jdbcUrl()).isEqualTo("jdbc:postgresql://localhost:5432/store?user=u&password=p");
    assertThat(cs.user()).isNull();
    assertThat(cs.effectiveUser()).isEqualTo("u");
    assertThat(cs.databaseName()).isEqualTo("store");
    assertThat(cs.toString()).doesNotContain("=p").contains("password=***");
    assertThat(ConnectionString.parse("jdbc:postgresql:store").databaseName()).isEqualTo("store");
  }

  @Test
  void toStringNeverShowsThePassword() {
    assertThat(ConnectionString.parse("postgresql://u:topsecret@localhost/db").toString()).doesNotContain("topsecret");
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "", "   ", "not a url", "mysql://u@localhost/db", "postgresql://", "postgresql:///db",
      "postgresql://localhost", "postgresql://localhost/", "postgresql://localhost:notaport/db",
      "postgresql://localhost:99999/db", "postgresql://localhost:0/db", "postgresql://[::1/db",
      "postgresql://u:p@bad host/db", "postgresql://localhost/%zz", "jdbc:postgresql://localhost:5432"
  })
  void badConnectionStringsAreRejectedWithOneLine(String value) {
    assertThatThrownBy(() -> ConnectionString.parse(value))
        .isInstanceOf(IllegalArgumentException.class)
        .satisfies(e -> assertThat(e.getMessage()).isNotBlank().doesNotContain("\n"));
  }

  @Test
  void rejectionMessagesHideThePassword() {
    assertThatThrownBy(() -> ConnectionString.parse("postgresql://u:hunter2@localhost:badport/db"))
        .hasMessageContaining("invalid port 'badport'")
        .hasMessageNotContaining("hunter2")
        .hasMessageContaining("u:***@");
    assertThatThrownBy(() -> ConnectionString.parse("mysql://u:hunter2@x/db")).hasMessageNotContaining("hunter2");
    assertThatThrownBy(() -> ConnectionString.parse("postgresql://u:hun@ter2@localhost/")).hasMessageNotContaining("ter2");
  }
}

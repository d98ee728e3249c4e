package dev.videotutorials.app.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SettingsTest {

  @Test
  void withoutConfigurationEverythingRunsOnAnEmbeddedPostgresInTheLocalDataDirectory() {
    Settings settings = Settings.fromEnvironment(Map.of());

    assertThat(settings.roles()).containsExactlyInAnyOrder(Role.WEB, Role.COMPONENTS, Role.AGGREGATORS);
    assertThat(settings.port()).isEqualTo(8080);
    assertThat(settings.host()).isEqualTo("0.0.0.0");
    assertThat(settings.dataDirectory()).isEqualTo(Path.of("video-tutorials-data").toAbsolutePath());
    assertThat(settings.usesEmbeddedPostgres()).isTrue();
    assertThat(settings.messageStore()).isNull();
    assertThat(settings.emailDelivery())
        .isEqualTo(new EmailDelivery.PickupDirectory(Path.of("video-tutorials-data", "emails").toAbsolutePath()));
    assertThat(settings.senderAddress()).isEqualTo("no-reply@video-tutorials.local");
    assertThat(settings.cookieSecret()).isNull();
  }

  @Test
  void readsEveryVariable() {
    Map<String, String> env = new HashMap<>();
    env.put("ROLES", " Web , aggregators ");
    env.put("PORT", "9090");
    env.put("HOST", "127.0.0.1");
    env.put("DATA_DIRECTORY", "/var/lib/vt");
    env.put("MESSAGE_STORE_CONNECTION_STRING", "postgresql://store:s3cret@db.example.com:5433/message_store");
    env.put("DATABASE_URL", "postgres://views@db.example.com/video_tutorials");
    env.put("EMBEDDED_POSTGRES_PORT", "15432");
    env.put("SMTP_HOST", "smtp.example.com");
    env.put("SMTP_USERNAME", "mailer");
    env.put("SMTP_PASSWORD", " spaces kept ");
    env.put("SMTP_TLS", "SSL");
    env.put("SYSTEM_SENDER_EMAIL_ADDRESS", "Video Tutorials <hello@example.com>");
    env.put("COOKIE_SECRET", "0123456789abcdef0123456789abcdef");

    Settings settings = Settings.fromEnvironment(env);

    assertThat(settings.roles()).isEqualTo(EnumSet.of(Role.WEB, Role.AGGREGATORS));
    assertThat(settings.port()).isEqualTo(9090);
    assertThat(settings.host()).isEqualTo("127.0.0.1");
    assertThat(settings.dataDirectory()).isEqualTo(Path.of("/var/lib/vt"));
    assertThat(settings.messageStore().jdbcUrl()).isEqualTo("jdbc:postgresql://db.example.com:5433/message_store");
    assertThat(settings.messageStore().user()).isEqualTo("store");
    assertThat(settings.messageStore().password()).isEqualTo("s3cret");
    assertThat(settings.viewDatabase().jdbcUrl()).isEqualTo("jdbc:postgresql://db.example.com/video_tutorials");
    assertThat(settings.usesEmbeddedPostgres()).isFalse();
    assertThat(settings.embeddedPostgresPort()).isEqualTo(15432);
    assertThat(settings.emailDelivery())
        .isEqualTo(new EmailDelivery.Smtp("smtp.example.com", 465, "mailer", " spaces kept ", EmailDelivery.Tls.SSL));
    assertThat(settings.senderAddress()).isEqualTo("Video Tutorials <hello@example.com>");
    assertThat(settings.cookieSecret()).isEqualTo("0123456789abcdef0123456789abcdef");
  }

  @Test
  void oneExternalDatabaseHoldsBothTheStoreAndTheViews() {
    Settings onlyStore = Settings.fromEnvironment(Map.of("MESSAGE_STORE_CONNECTION_STRING", "postgresql://h/db"));
    Settings onlyViews = Settings.fromEnvironment(Map.of("DATABASE_URL", "postgresql://h/db"));

    assertThat(onlyStore.viewDatabase()).isEqualTo(onlyStore.messageStore());
    assertThat(onlyViews.messageStore()).isEqualTo(onlyViews.viewDatabase());
    assertThat(onlyViews.usesEmbeddedPostgres()).isFalse();
  }

  @ParameterizedTest
  @CsvSource({"none,25", "starttls,587", "ssl,465"})
  void theSmtpPortDefaultsByTls(String tls, int port) {
    Settings settings = Settings.fromEnvironment(Map.of("SMTP_HOST", "mail", "SMTP_TLS", tls));

    assertThat(((EmailDelivery.Smtp) settings.emailDelivery()).port()).isEqualTo(port);
  }

  @Test
  void theEmailDirectoryCanBeMovedAndBlankValuesCountAsUnset() {
    Settings settings = Settings.fromEnvironment(Map.of("EMAIL_DIRECTORY", "/tmp/mail", "PORT", " ", "ROLES", ""));

    assertThat(settings.emailDelivery()).isEqualTo(new EmailDelivery.PickupDirectory(Path.of("/tmp/mail")));
    assertThat(settings.port()).isEqualTo(8080);
    assertThat(settings.roles()).hasSize(3);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "PORT|eighty|PORT must be a number from 0 to 65535 (got \"eighty\")",
      "PORT|70000|PORT must be a number from 0 to 65535 (got \"70000\")",
      "EMBEDDED_POSTGRES_PORT|-1|EMBEDDED_POSTGRES_PORT must be a number from 0 to 65535",
      "ROLES|web,admin|ROLES must list web, components, aggregators or all",
      "DATABASE_URL|mysql://x/y|DATABASE_URL: Connection string must start with postgresql://",
      "MESSAGE_STORE_CONNECTION_STRING|postgresql://host|MESSAGE_STORE_CONNECTION_STRING: Connection string has no database name",
      "SMTP_TLS|tls|SMTP_TLS is set but SMTP_HOST is not",
      "SYSTEM_SENDER_EMAIL_ADDRESS|not an address|SYSTEM_SENDER_EMAIL_ADDRESS is not a valid email address",
      "COOKIE_SECRET|short|COOKIE_SECRET must be at least 32 characters long"})
  void anInvalidValueIsOneClearLineNamingTheVariable(String variable, String value, String message) {
    assertThatThrownBy(() -> Settings.fromEnvironment(Map.of(variable, value)))
        .isInstanceOf(SettingsException.class)
        .hasMessageStartingWith(message)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
  }

  @Test
  void smtpMistakesAreNamed() {
    assertThatThrownBy(() -> Settings.fromEnvironment(Map.of("SMTP_HOST", "mail", "SMTP_TLS", "tls")))
        .hasMessage("SMTP_TLS must be none, starttls or ssl (got \"tls\")");
    assertThatThrownBy(() -> Settings.fromEnvironment(Map.of("SMTP_HOST", "mail", "SMTP_PORT", "0")))
        .hasMessageStartingWith("SMTP_PORT must be a number from 1 to 65535");
    assertThatThrownBy(() -> Settings.fromEnvironment(Map.of("SMTP_HOST", "mail", "SMTP_PASSWORD", "pw")))
        .hasMessage("SMTP_USERNAME and SMTP_PASSWORD go together: set both or neither");
    assertThatThrownBy(() -> Settings.fromEnvironment(Map.of("SMTP_HOST", "mail", "SMTP_USERNAME", "user")))
        .hasMessage("SMTP_USERNAME and SMTP_PASSWORD go together: set both or neither");
  }

  @Test
  void secretsAreNeverEchoed() {
    assertThatThrownBy(() -> Settings.fromEnvironment(Map.of("COOKIE_SECRET", "tooshort-secret")))
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("tooshort-secret"));
    assertThatThrownBy(() -> Settings.fromEnvironment(Map.of("DATABASE_URL", "postgresql://u:hunter2@")))
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("hunter2"));
  }
}

package dev.videotutorials.messagestore.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.videotutorials.messagestore.ConnectionString;
import dev.videotutorials.messagestore.install.PrivateServer;
import dev.videotutorials.messagestore.testing.TestDatabase;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every failure: non-zero exit, exactly one line on stderr, no stack trace. */
class CliErrorsTest {

  @Test
  void aGarbageConnectionString() {
    String error = CliRunner.run("print-messages", "--url", "this is not a url").failedWithOneLine();

    assertThat(error).contains("must start with postgresql://");
  }

  @Test
  void aGarbageConnectionStringFromTheEnvironmentDoesNotLeakThePassword() {
    String error = CliRunner.run(Map.of(ConnectionOptions.ENVIRONMENT_VARIABLE, "postgresql://u:hunter2@localhost:http/db"),
        "version").failedWithOneLine();

    assertThat(error).contains("invalid port 'http'").doesNotContain("hunter2");
  }

  @Test
  void noConnectionStringAtAll() {
    String error = CliRunner.run("stream-summary").failedWithOneLine();

    assertThat(error).isEqualTo("message-store: No database given: use --url URL or set MESSAGE_STORE_CONNECTION_STRING");
  }

  @Test
  void aClosedPortOnLocalhost() throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }

    CliRunner.Outcome outcome = CliRunner.run("version", "--url", "postgresql://postgres@127.0.0.1:" + port + "/message_store");

    assertThat(outcome.failedWithOneLine())
        .isEqualTo("message-store: Cannot connect to PostgreSQL at 127.0.0.1:" + port
            + ": connection refused (is the server running and accepting TCP connections there?)");
    assertThat(outcome.exitCode()).isEqualTo(Cli.FAILURE);
  }

  @Test
  void installOnAClosedPortFailsTheSameWay() throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }

    String error = CliRunner.run("install", "--url", "postgresql://postgres@127.0.0.1:" + port + "/message_store")
        .failedWithOneLine();

    assertThat(error).startsWith("message-store: Cannot connect to PostgreSQL at 127.0.0.1:" + port + ": connection refused");
  }

  @Test
  void aWrongPassword() {
    PrivateServer server = PrivateServer.get();
    server.execute("DROP ROLE IF EXISTS cli_reader");
    server.execute("CREATE ROLE cli_reader WITH LOGIN PASSWORD 'right'");
    String url = "postgresql://cli_reader:wrong@localhost:" + server.port() + "/postgres";

    String error = CliRunner.run("version", "--url", url).failedWithOneLine();

    assertThat(error).isEqualTo("message-store: Authentication failed at localhost:" + server.port()
        + ": password authentication failed for user \"cli_reader\"");
  }

  @Test
  void installWithAWrongPasswordSaysSoWithoutTalkingAboutCreatingTheDatabase() {
    PrivateServer server = PrivateServer.get();
    server.execute("DROP ROLE IF EXISTS cli_installer");
    server.execute("CREATE ROLE cli_installer WITH LOGIN CREATEDB PASSWORD 'right'");
    String url = "postgresql://cli_installer:wrong@localhost:" + server.port() + "/some_store";

    String error = CliRunner.run("install", "--url", url).failedWithOneLine();

    assertThat(error).isEqualTo("message-store: Authentication failed at localhost:" + server.port()
        + ": password authentication failed for user \"cli_installer\"");
  }

  @Test
  void anUnknownUser() {
    String url = Urls.of(new ConnectionString(TestDatabase.serverAdmin().jdbcUrl(), "nobody_here", "x"));

    String error = CliRunner.run("version", "--url", url).failedWithOneLine();

    assertThat(error).contains("Authentication failed at " + TestDatabase.serverAdmin().serverAddress()).contains("\"nobody_here\"");
  }

  @Test
  void aMissingDatabase() {
    ConnectionString missing = TestDatabase.serverAdmin().withDatabase("no_such_database_here");

    String error = CliRunner.run("print-messages", "--url", Urls.of(missing)).failedWithOneLine();

    assertThat(error).isEqualTo("message-store: Database \"no_such_database_here\" does not exist on " + missing.serverAddress());
  }

  @Test
  void aDatabaseWithoutAMessageStore() {
    try (TestDatabase db = TestDatabase.empty()) {
      for (String command : new String[] {"print-messages", "version", "stream-summary", "write-test-message"}) {
        String error = CliRunner.run(command, "--url", db.url()).failedWithOneLine();
        assertThat(error).as(command).contains("The message store is not installed in database \"")
            .contains("(run: message-store install)");
      }
    }
  }

  @Test
  void anUnknownCommandIsAUsageError() {
    CliRunner.Outcome outcome = CliRunner.run("print-mesages");

    assertThat(outcome.failedWithOneLine()).contains("'print-mesages'").contains("print-messages").contains("--help");
    assertThat(outcome.exitCode()).isEqualTo(Cli.USAGE);
  }

  @Test
  void anUnknownOptionIsAUsageError() {
    CliRunner.Outcome outcome = CliRunner.run("stream-summary", "--type", "x");

    assertThat(outcome.failedWithOneLine()).contains("--type").contains("message-store stream-summary --help");
    assertThat(outcome.exitCode()).isEqualTo(Cli.USAGE);
  }

  @Test
  void noCommandIsAUsageError() {
    CliRunner.Outcome outcome = CliRunner.run();

    assertThat(outcome.failedWithOneLine()).contains("Missing command").contains("install");
    assertThat(outcome.exitCode()).isEqualTo(Cli.USAGE);
  }

  @Test
  void badWriteTestMessageArgumentsAreRejectedBeforeConnecting() {
    String unreachable = "postgresql://postgres@127.0.0.1:1/db";

    CliRunner.Outcome badJson = CliRunner.run("write-test-message", "--metadata", "{not json", "--url", unreachable);
    assertThat(badJson.failedWithOneLine()).contains("--metadata is not valid JSON");
    assertThat(badJson.exitCode()).isEqualTo(Cli.USAGE);

    CliRunner.Outcome zero = CliRunner.run("write-test-message", "--instances", "0", "--url", unreachable);
    assertThat(zero.failedWithOneLine()).contains("--instances must be at least 1");

    CliRunner.Outcome notANumber = CliRunner.run("write-test-message", "--instances", "many", "--url", unreachable);
    assertThat(notANumber.failedWithOneLine()).contains("'many'");
  }
}

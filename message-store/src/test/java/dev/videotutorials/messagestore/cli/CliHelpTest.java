package dev.videotutorials.messagestore.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.videotutorials.messagestore.install.Installer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class CliHelpTest {

  @ParameterizedTest
  @ValueSource(strings = {
      "install", "version", "print-messages", "stream-summary", "type-summary", "stream-type-summary",
      "type-stream-summary", "category-type-summary", "type-category-summary", "write-test-message"
  })
  void everyCommandHasHelp(String command) {
    String out = CliRunner.run(command, "--help").succeeded();

    assertThat(out).startsWith("Usage: message-store " + command).contains("--url=URL").contains("-h, --help");
  }

  @Test
  void theToolListsEveryCommandAndTheEnvironmentVariable() {
    String out = CliRunner.run("--help").succeeded();

    assertThat(out).startsWith("Usage: message-store")
        .contains("install", "version", "print-messages", "stream-summary", "type-summary", "stream-type-summary",
            "type-stream-summary", "category-type-summary", "type-category-summary", "write-test-message")
        .contains("MESSAGE_STORE_CONNECTION_STRING");
  }

  @Test
  void versionOptionNamesTheRevision() {
    assertThat(CliRunner.run("--version").succeeded())
        .isEqualTo("message-store: installs the Message DB 1.3.0 interface, revision " + Installer.REVISION + "\n");
  }

  @Test
  void writeTestMessageHelpShowsTheDefaults() {
    assertThat(CliRunner.run("write-test-message", "--help").succeeded())
        .contains("default: SomeType").contains("default: 1").contains("testStream-");
  }
}

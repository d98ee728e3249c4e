package dev.videotutorials.messagestore.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.videotutorials.messagestore.testing.TestDatabase;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every command end to end on one database that the tool itself installed and filled:
 * account-1 (3 x Opened), account-2 (1 x Deposited), ledger-9 (2 x Deposited), one default test message.
 */
class CliCommandsTest {

  private static final List<String> MESSAGE_COLUMNS =
      List.of("global_position", "position", "time", "stream_name", "type", "data", "metadata", "id");

  private static TestDatabase db;
  private static Map<String, String> env;
  private static String defaultStream;

  @BeforeAll
  static void installAndWriteWithTheTool() {
    db = TestDatabase.empty();
    env = Map.of(ConnectionOptions.ENVIRONMENT_VARIABLE, db.url());
    CliRunner.run(env, "install", "--no-create-database").succeeded();
    String written = CliRunner.run(env, "write-test-message").succeeded();
    defaultStream = written.lines().findFirst().orElseThrow().replaceFirst("^Wrote 1 message to stream ", "");
    CliRunner.run(env, "write-test-message", "--stream", "account-1", "--type", "Opened", "--instances", "3",
        "--metadata", "{\"correlationStreamName\": \"reply-1\"}").succeeded();
    CliRunner.run(env, "write-test-message", "--stream", "account-2", "--type", "Deposited").succeeded();
    CliRunner.run(env, "write-test-message", "--stream", "ledger-9", "--type", "Deposited", "--instances", "2").succeeded();
  }

  @AfterAll
  static void close() {
    db.close();
  }

  @Test
  void writeTestMessageUsesMessageDbsDefaultsAndPrintsWhatItWrote() {
    String out = CliRunner.run(env, "write-test-message").succeeded();

    assertThat(out.lines().findFirst().orElseThrow()).matches("Wrote 1 message to stream testStream-[0-9a-f-]{36}");
    List<Map<String, String>> records = PrintedOutput.records(out);
    assertThat(records).hasSize(1);
    assertThat(records.get(0).keySet()).containsExactlyElementsOf(MESSAGE_COLUMNS);
    assertThat(records.get(0)).containsEntry("type", "SomeType")
        .containsEntry("data", "{\"attribute\": \"some value\"}")
        .containsEntry("metadata", "")
        .containsEntry("position", "0");
    assertThat(defaultStream).matches("testStream-[0-9a-f-]{36}");
  }

  @Test
  void writeTestMessageWritesSeveralInstancesWithMetadata() {
    String out = CliRunner.run(env, "write-test-message", "--stream", "batch-1", "--type", "Tested", "--instances", "2",
        "--metadata", "{\"b\": 2, \"a\": 1}").succeeded();

    assertThat(out).startsWith("Wrote 2 messages to stream batch-1");
    List<Map<String, String>> records = PrintedOutput.records(out);
    assertThat(records).extracting(r -> r.get("position")).containsExactly("0", "1");
    assertThat(records).allSatisfy(r -> assertThat(r)
        .containsEntry("stream_name", "batch-1")
        .containsEntry("type", "Tested")
        .containsEntry("metadata", "{\"a\": 1, \"b\": 2}"));
  }

  @Test
  void printMessagesPrintsEveryMessageWithEveryColumnInGlobalOrder() {
    List<Map<String, String>> records = PrintedOutput.records(CliRunner.run(env, "print-messages").succeeded());

    assertThat(records.size()).isGreaterThanOrEqualTo(7);
    assertThat(records).allSatisfy(r -> assertThat(r.keySet()).containsExactlyElementsOf(MESSAGE_COLUMNS));
    List<Long> positions = records.stream().map(r -> Long.parseLong(r.get("global_position"))).toList();
    assertThat(positions).isSorted().doesNotHaveDuplicates();
    assertThat(records).extracting(r -> r.get("stream_name")).contains(defaultStream, "account-1", "account-2", "ledger-9");
  }

  @Test
  void printMessagesForOneStream() {
    String out = CliRunner.run(env, "print-messages", "--stream", "account-1").succeeded();

    assertThat(out.lines().findFirst().orElseThrow()).startsWith("-[ RECORD 1 ]");
    List<Map<String, String>> records = PrintedOutput.records(out);
    assertThat(records).extracting(r -> r.get("stream_name")).containsExactly("account-1", "account-1", "account-1");
    assertThat(records).extracting(r -> r.get("position")).containsExactly("0", "1", "2");
    assertThat(records).allSatisfy(r -> assertThat(r)
        .containsEntry("type", "Opened")
        .containsEntry("metadata", "{\"correlationStreamName\": \"reply-1\"}"));
  }

  @Test
  void printMessagesOfAnEmptyStreamSaysSo() {
    assertThat(CliRunner.run(env, "print-messages", "--stream", "nothing-here").succeeded()).isEqualTo("(0 rows)\n");
  }

  @Test
  void streamSummaryFilteredWithTotal() {
    String out = CliRunner.run(env, "stream-summary", "--stream", "account").succeeded();

    assertThat(PrintedOutput.tableHeader(out)).containsExactly("stream_name", "message_count", "percent");
    List<List<String>> rows = PrintedOutput.tableRows(out);
    assertThat(rows).extracting(r -> r.get(0) + " " + r.get(1)).containsExactly("account-1 3", "account-2 1");
    assertThat(out).contains("(2 rows)").endsWith("Total messages: 4\n");
  }

  @Test
  void streamSummaryOfEveryStream() {
    String out = CliRunner.run(env, "stream-summary").succeeded();

    List<List<String>> rows = PrintedOutput.tableRows(out);
    assertThat(rows).extracting(r -> r.get(0)).contains("account-1", "account-2", "ledger-9", defaultStream);
    long total = rows.stream().mapToLong(r -> Long.parseLong(r.get(1))).sum();
    assertThat(out).endsWith("Total messages: " + total + "\n");
  }

  @Test
  void typeSummary() {
    String out = CliRunner.run(env, "type-summary", "--type", "Deposited").succeeded();

    assertThat(PrintedOutput.tableHeader(out)).containsExactly("type", "message_count", "percent");
    assertThat(PrintedOutput.tableRows(out)).extracting(r -> r.get(0) + " " + r.get(1)).containsExactly("Deposited 3");
    assertThat(PrintedOutput.tableRows(CliRunner.run(env, "type-summary").succeeded()))
        .extracting(r -> r.get(0)).contains("Deposited", "Opened", "SomeType");
  }

  @Test
  void streamTypeSummary() {
    String out = CliRunner.run(env, "stream-type-summary", "--stream", "account").succeeded();

    assertThat(PrintedOutput.tableHeader(out)).containsExactly("stream_name", "type", "message_count", "percent");
    assertThat(PrintedOutput.tableRows(out)).extracting(r -> String.join(" ", r.subList(0, 3)))
        .containsExactly("account-1 Opened 3", "account-2 Deposited 1");
  }

  @Test
  void typeStreamSummary() {
    String out = CliRunner.run(env, "type-stream-summary", "--type", "Deposited").succeeded();

    assertThat(PrintedOutput.tableHeader(out)).containsExactly("type", "stream_name", "message_count", "percent");
    assertThat(PrintedOutput.tableRows(out)).extracting(r -> String.join(" ", r.subList(0, 3)))
        .containsExactly("Deposited account-2 1", "Deposited ledger-9 2");
  }

  @Test
  void categoryTypeSummary() {
    String out = CliRunner.run(env, "category-type-summary", "--category", "account").succeeded();

    assertThat(PrintedOutput.tableHeader(out)).containsExactly("category", "type", "message_count", "percent");
    assertThat(PrintedOutput.tableRows(out)).extracting(r -> String.join(" ", r.subList(0, 3)))
        .containsExactly("account Deposited 1", "account Opened 3");
  }

  @Test
  void typeCategorySummary() {
    String out = CliRunner.run(env, "type-category-summary", "--type", "Deposited").succeeded();

    assertThat(PrintedOutput.tableHeader(out)).containsExactly("type", "category", "message_count", "percent");
    assertThat(PrintedOutput.tableRows(out)).extracting(r -> String.join(" ", r.subList(0, 3)))
        .containsExactly("Deposited account 1", "Deposited ledger 2");
  }

  @Test
  void summariesRightAlignNumbersAndShowPercentages() {
    String out = CliRunner.run(env, "category-type-summary", "--category", "ledger").succeeded();

    String row = out.lines().toList().get(2);
    assertThat(row).matches(" ledger\\s+\\| Deposited \\|\\s+2 \\|\\s+\\d+\\.\\d{2}");
  }

  @Test
  void aSummaryWithNoMatchPrintsAnEmptyTable() {
    String out = CliRunner.run(env, "type-summary", "--type", "NoSuchType").succeeded();

    assertThat(PrintedOutput.tableRows(out)).isEmpty();
    assertThat(out).endsWith("(0 rows)\n");
  }

  @Test
  void versionPrintsTheInterfaceVersionAndOurRevision() {
    String out = CliRunner.run("version", "--url", db.url()).succeeded();

    assertThat(out.lines().toList()).hasSize(3);
    assertThat(out).startsWith("message_store_version: 1.3.0\n").contains("revision of this tool: " + dev.videotutorials.messagestore.install.Installer.REVISION);
  }
}

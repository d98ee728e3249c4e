package dev.videotutorials.messagestore.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintStream;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(
    name = "write-test-message",
    description = "Writes test messages with write_message(), data {\"attribute\": \"some value\"}, in one"
        + " transaction, then prints them.")
final class WriteTestMessageCommand extends StoreCommand {

  static final String DATA = "{\"attribute\": \"some value\"}";

  @Spec
  private CommandSpec spec;

  @Option(names = "--stream", paramLabel = "NAME", description = "Stream to write to (default: testStream-<random uuid>).")
  private String stream;

  @Option(names = "--type", paramLabel = "TYPE", defaultValue = "SomeType", description = "Message type (default: ${DEFAULT-VALUE}).")
  private String type;

  @Option(names = "--instances", paramLabel = "N", defaultValue = "1", description = "Number of messages (default: ${DEFAULT-VALUE}).")
  private int instances;

  @Option(names = "--metadata", paramLabel = "JSON", description = "Metadata of every message, a JSON document (default: none).")
  private String metadata;

  WriteTestMessageCommand(CliContext context) {
    super(context);
  }

  @Override
  void run(StoreConnection store, PrintStream out) throws SQLException {
    String streamName = stream != null ? stream : "testStream-" + UUID.randomUUID();
    Connection connection = store.jdbc();
    List<UUID> ids = write(connection, streamName);
    out.println("Wrote " + ids.size() + (ids.size() == 1 ? " message" : " messages") + " to stream " + streamName);
    out.println();
    print(connection, ids, out);
  }

  @Override
  void checkArguments() {
    if (instances < 1) {
      throw new ParameterException(spec.commandLine(), "--instances must be at least 1 (got " + instances + ")");
    }
    if (stream != null && stream.isBlank()) {
      throw new ParameterException(spec.commandLine(), "--stream must not be blank");
    }
    if (metadata != null) {
      try {
        new ObjectMapper().readTree(metadata);
      } catch (JsonProcessingException e) {
        throw new ParameterException(spec.commandLine(),
            "--metadata is not valid JSON: " + ErrorMessages.oneLine(e.getOriginalMessage()));
      }
    }
  }

  private List<UUID> write(Connection connection, String streamName) throws SQLException {
    List<UUID> ids = new ArrayList<>();
    connection.setAutoCommit(false);
    try (PreparedStatement statement = connection.prepareStatement(
        "SELECT message_store.write_message(?, ?, ?, ?::jsonb, ?::jsonb)")) {
      for (int i = 0; i < instances; i++) {
        UUID id = UUID.randomUUID();
        statement.setString(1, id.toString());
        statement.setString(2, streamName);
        statement.setString(3, type);
        statement.setString(4, DATA);
        statement.setString(5, metadata);
        statement.executeQuery().close();
        ids.add(id);
      }
      connection.commit();
    } catch (SQLException | RuntimeException e) {
      connection.rollback();
      throw e;
    } finally {
      connection.setAutoCommit(true);
    }
    return ids;
  }

  private static void print(Connection connection, List<UUID> ids, PrintStream out) throws SQLException {
    Array idArray = connection.createArrayOf("uuid", ids.toArray());
    try (PreparedStatement statement = connection.prepareStatement(
        "SELECT * FROM message_store.messages WHERE id = ANY (?) ORDER BY global_position")) {
      statement.setArray(1, idArray);
      try (ResultSet rs = statement.executeQuery()) {
        ExpandedPrinter.print(rs, out);
      }
    } finally {
      idArray.free();
    }
  }
}

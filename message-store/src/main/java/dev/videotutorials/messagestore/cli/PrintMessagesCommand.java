package dev.videotutorials.messagestore.cli;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "print-messages",
    description = "Prints every message (every column) in global position order, one block per message.")
final class PrintMessagesCommand extends StoreCommand {

  private static final int FETCH_SIZE = 500;

  @Option(names = "--stream", paramLabel = "NAME", description = "Only the messages of this stream (exact name).")
  private String stream;

  PrintMessagesCommand(CliContext context) {
    super(context);
  }

  @Override
  void run(StoreConnection store, PrintStream out) throws SQLException {
    Connection connection = store.jdbc();
    connection.setAutoCommit(false); // lets the driver fetch in batches instead of all at once
    connection.setReadOnly(true);
    String sql = "SELECT * FROM message_store.messages"
        + (stream == null ? "" : " WHERE stream_name = ?")
        + " ORDER BY global_position";
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setFetchSize(FETCH_SIZE);
      if (stream != null) {
        statement.setString(1, stream);
      }
      try (ResultSet rs = statement.executeQuery()) {
        ExpandedPrinter.print(rs, out);
      }
    } finally {
      connection.rollback();
    }
  }
}

package dev.videotutorials.messagestore.cli;

import dev.videotutorials.messagestore.ConnectionString;
import java.io.PrintStream;
import java.sql.SQLException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;

/**
 * A command that works on an installed message store: connects, checks the store is there, runs,
 * and phrases database failures for the database it was working on.
 */
abstract class StoreCommand implements Callable<Integer> {

  private final CliContext context;

  @Mixin
  private ConnectionOptions connection;

  @Mixin
  private HelpOption help;

  StoreCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public final Integer call() {
    checkArguments();
    ConnectionString target = connection.resolve(context.env());
    try (StoreConnection store = StoreConnection.openStore(target)) {
      run(store, context.out());
      return 0;
    } catch (SQLException e) {
      throw new CliException(ErrorMessages.describe(e, target), e);
    }
  }

  /** Rejects bad arguments (with a picocli ParameterException) before anything connects. */
  void checkArguments() {
  }

  abstract void run(StoreConnection store, PrintStream out) throws SQLException;
}

package dev.videotutorials.messagestore.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Runs the tool without exiting the JVM: parses {@code args}, runs the command, and turns every
 * failure into one line on {@code err}. Exit codes: 0 success, 1 failure, 2 usage error.
 */
public final class Cli {

  public static final String NAME = "message-store";
  public static final int FAILURE = 1;
  public static final int USAGE = 2;

  private Cli() {
  }

  public static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> env) {
    CliContext context = new CliContext(out, err, env);
    CommandLine commandLine = new CommandLine(RootCommand.class, new ContextFactory(context));
    commandLine.setOut(writer(out));
    commandLine.setErr(writer(err));
    commandLine.setExpandAtFiles(false);
    commandLine.setParameterExceptionHandler((e, arguments) -> usageError(e, err));
    commandLine.setExecutionExceptionHandler((e, command, parseResult) -> {
      err.println(NAME + ": " + ErrorMessages.describe(e));
      err.flush();
      return FAILURE;
    });
    int exitCode = commandLine.execute(args);
    out.flush();
    err.flush();
    return exitCode;
  }

  private static int usageError(ParameterException e, PrintStream err) {
    StringBuilder line = new StringBuilder(NAME).append(": ").append(oneLine(e.getMessage()));
    if (e instanceof UnmatchedArgumentException unmatched) {
      List<String> suggestions = unmatched.getSuggestions();
      if (!suggestions.isEmpty()) {
        line.append(" (did you mean ").append(suggestions.get(0)).append("?)");
      }
    }
    String command = e.getCommandLine().getCommandSpec().qualifiedName();
    line.append(" - see '").append(command).append(" --help'");
    err.println(line);
    err.flush();
    return USAGE;
  }

  private static String oneLine(String text) {
    return text == null ? "invalid usage" : text.replaceAll("\\s*\\R\\s*", " ").trim();
  }

  private static PrintWriter writer(PrintStream stream) {
    return new PrintWriter(stream, true);
  }
}

package dev.videotutorials.messagestore.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(
    name = Cli.NAME,
    mixinStandardHelpOptions = true,
    versionProvider = ToolVersion.class,
    description = "Installs, inspects and exercises a Message DB 1.3 compatible message store on PostgreSQL.",
    subcommands = {
        InstallCommand.class,
        VersionCommand.class,
        PrintMessagesCommand.class,
        StreamSummaryCommand.class,
        TypeSummaryCommand.class,
        StreamTypeSummaryCommand.class,
        TypeStreamSummaryCommand.class,
        CategoryTypeSummaryCommand.class,
        TypeCategorySummaryCommand.class,
        WriteTestMessageCommand.class
    },
    footer = {
        "",
        "Every command takes --url URL; without it the connection string is read from the",
        "environment variable " + ConnectionOptions.ENVIRONMENT_VARIABLE + ".",
        "Exit codes: 0 success, 1 failure, 2 usage error."
    })
final class RootCommand implements Runnable {

  @Spec
  private CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(),
        "Missing command: one of " + String.join(", ", spec.subcommands().keySet()));
  }
}

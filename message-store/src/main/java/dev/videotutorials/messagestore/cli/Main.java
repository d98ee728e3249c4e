package dev.videotutorials.messagestore.cli;

/** Entry point of the {@code message-store} command-line tool (the executable jar's Main-Class). */
public final class Main {

  private Main() {
  }

  public static void main(String[] args) {
    QuietLogging.apply();
    int exitCode = Cli.run(args, System.out, System.err, System.getenv());
    System.out.flush();
    System.exit(exitCode);
  }
}

package dev.videotutorials.messagestore.cli;

import java.io.PrintStream;
import java.util.Map;

/** Where a command writes and which environment it reads; given to every command. */
record CliContext(PrintStream out, PrintStream err, Map<String, String> env) {
}

package dev.videotutorials.messagestore.cli;

import dev.videotutorials.messagestore.install.Installer;
import picocli.CommandLine.IVersionProvider;

/** What {@code message-store --version} prints: the interface and revision this tool installs. */
final class ToolVersion implements IVersionProvider {

  @Override
  public String[] getVersion() {
    return new String[] {
        Cli.NAME + ": installs the Message DB " + Installer.MESSAGE_DB_VERSION
            + " interface, revision " + Installer.REVISION
    };
  }
}

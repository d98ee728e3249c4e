package dev.videotutorials.app.components.sendemail;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Objects;
import java.util.Properties;

/**
 * Delivers emails as RFC 822 {@code .eml} files into a directory that another program (or a
 * person) picks up. The file is named after the Message-ID, so a re-sent email replaces its
 * earlier copy, and appears whole or not at all: it is written to a hidden temporary file,
 * flushed to disk and renamed.
 */
public final class PickupDirectoryMailer implements Mailer {

  private static final int MAX_FILE_NAME_STEM = 200;

  private final Path directory;
  private final Session session = Session.getInstance(new Properties());

  public PickupDirectoryMailer(Path directory) {
    this.directory = Objects.requireNonNull(directory, "directory");
  }

  public Path directory() {
    return directory;
  }

  @Override
  public void send(OutgoingEmail email) throws MailerException {
    MimeMessage message = MimeEmails.build(session, email);
    Path target = directory.resolve(fileName(email.messageId()));
    Path temporary = null;
    try {
      Files.createDirectories(directory);
      temporary = Files.createTempFile(directory, ".", ".eml.part");
      try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE);
           OutputStream out = Channels.newOutputStream(channel)) {
        message.writeTo(out);
        out.flush();
        channel.force(true);
      }
      move(temporary, target);
    } catch (IOException | MessagingException e) {
      deleteQuietly(temporary);
      throw new MailerException("Cannot write the email to " + directory + ": " + e.getMessage(), e);
    }
  }

  /** The Message-ID reduced to characters that are safe in a file name, plus {@code .eml}. */
  static String fileName(String messageId) {
    String stem = messageId.replaceAll("[^A-Za-z0-9._@-]", "_");
    if (stem.length() > MAX_FILE_NAME_STEM) {
      stem = stem.substring(0, MAX_FILE_NAME_STEM);
    }
    if (stem.startsWith(".")) {
      stem = "_" + stem.substring(1);
    }
    return stem + ".eml";
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static void deleteQuietly(Path file) {
    if (file == null) {
      return;
    }
    try {
      Files.deleteIfExists(file);
    } catch (IOException ignored) {
      // The temporary file is hidden and ends in .part: pickup readers skip it.
    }
  }
}

package dev.videotutorials.app.components.sendemail;

import dev.videotutorials.messagestore.StreamName;

/** Categories, streams and message types of the send-email component. */
public final class SendEmailMessages {

  public static final String COMMAND_CATEGORY = "sendEmail:command";
  public static final String CATEGORY = "sendEmail";

  public static final String SEND = "Send";
  public static final String SENT = "Sent";
  public static final String FAILED = "Failed";

  private SendEmailMessages() {
  }

  /** {@code sendEmail:command-{emailId}}: where Send commands for the email go. */
  public static String commandStream(String emailId) {
    return StreamName.of(COMMAND_CATEGORY, emailId);
  }

  /** {@code sendEmail-{emailId}}: the email's events. */
  public static String emailStream(String emailId) {
    return StreamName.of(CATEGORY, emailId);
  }
}

package dev.videotutorials.app.system;

import dev.videotutorials.messagestore.MessageStore;
import dev.videotutorials.messagestore.consumer.Consumer;
import java.util.List;
import javax.sql.DataSource;

/**
 * The consumers a process can run, by role. Only the methods of the roles a process runs are
 * called, so a process without the components role never builds a mailer.
 */
public interface ConsumerCatalog {

  /** The aggregators' consumers (read side); started first. */
  List<Consumer> aggregators();

  /** The components' consumers (write side); started after the aggregators. */
  List<Consumer> components();

  @FunctionalInterface
  interface Factory {
    ConsumerCatalog create(MessageStore store, DataSource viewDatabase, Settings settings);
  }
}

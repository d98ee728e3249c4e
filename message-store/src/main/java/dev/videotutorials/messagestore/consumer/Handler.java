package dev.videotutorials.messagestore.consumer;

import dev.videotutorials.messagestore.Message;

/** Handles one message. Throwing means the message was not handled: it is retried. */
@FunctionalInterface
public interface Handler {
  void handle(Message message) throws Exception;
}

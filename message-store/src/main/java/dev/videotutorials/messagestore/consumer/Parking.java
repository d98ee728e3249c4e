package dev.videotutorials.messagestore.consumer;

import dev.videotutorials.messagestore.JsonObject;
import dev.videotutorials.messagestore.Message;
import dev.videotutorials.messagestore.Metadata;
import dev.videotutorials.messagestore.NewMessage;
import dev.videotutorials.messagestore.StreamName;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The messages that record parking, in the stream {@code subscriberParked-{subscriberId}}
 * (a category the original system does not use). The stream is an append-only audit trail:
 * {@code Parked} when a subscriber gives up on a message (again after a failed retry),
 * {@code ParkedMessageRetried} when a retry handled it, {@code ParkedMessageDiscarded} when
 * someone decided it will never be handled. The original message is referenced, not copied.
 */
final class Parking {

  static final String CATEGORY = "subscriberParked";
  static final String PARKED = "Parked";
  static final String RETRIED = "ParkedMessageRetried";
  static final String DISCARDED = "ParkedMessageDiscarded";

  static final String MESSAGE_ID = "messageId";
  static final String STREAM_NAME = "streamName";
  static final String POSITION = "position";
  static final String GLOBAL_POSITION = "globalPosition";
  static final String TYPE = "type";
  static final String SUBSCRIBER_ID = "subscriberId";
  static final String ERROR = "error";
  static final String STACK_TRACE = "stackTrace";
  static final String ATTEMPTS = "attempts";
  static final String BLOCKED_BY = "blockedByMessageId";
  static final String REASON = "reason";

  private static final int MAX_ERROR_LENGTH = 2_000;
  private static final int MAX_STACK_TRACE_LENGTH = 6_000;

  private Parking() {
  }

  static String streamName(String subscriberId) {
    return StreamName.of(CATEGORY, subscriberId);
  }

  static NewMessage failed(Message message, String subscriberId, Throwable error, int attempts) {
    return parked(identity(message, subscriberId), describe(error), stackTrace(error), attempts, null,
        Metadata.follow(message));
  }

  static NewMessage blockedBehind(Message message, String subscriberId, UUID blockedBy) {
    return parked(identity(message, subscriberId),
        "Waiting behind parked message " + blockedBy + " of the same stream", null, 0, blockedBy,
        Metadata.follow(message));
  }

  /** The same parked message, failed again on retry ({@code original} null when it is gone). */
  static NewMessage failedAgain(ParkedMessage parked, Message original, Throwable error) {
    Map<String, Object> identity = new LinkedHashMap<>();
    identity.put(MESSAGE_ID, parked.messageId().toString());
    identity.put(STREAM_NAME, parked.streamName());
    identity.put(POSITION, parked.position());
    identity.put(GLOBAL_POSITION, parked.globalPosition());
    identity.put(TYPE, parked.type());
    identity.put(SUBSCRIBER_ID, parked.subscriberId());
    return parked(identity, describe(error), stackTrace(error), parked.attempts() + 1, null,
        original == null ? Metadata.empty() : Metadata.follow(original));
  }

  static NewMessage retried(ParkedMessage parked) {
    return NewMessage.of(RETRIED, reference(parked));
  }

  static NewMessage discarded(ParkedMessage parked, String reason) {
    return NewMessage.of(DISCARDED, reference(parked).with(REASON, reason));
  }

  static ParkedMessage read(Message parked) {
    JsonObject data = parked.data();
    String blockedBy = data.string(BLOCKED_BY);
    return new ParkedMessage(
        UUID.fromString(data.string(MESSAGE_ID)),
        data.string(STREAM_NAME),
        data.longValue(POSITION),
        data.longValue(GLOBAL_POSITION),
        data.string(TYPE),
        data.string(SUBSCRIBER_ID),
        data.string(ERROR),
        data.string(STACK_TRACE),
        data.longValue(ATTEMPTS).intValue(),
        blockedBy == null ? null : UUID.fromString(blockedBy),
        parked.time());
  }

  static UUID referencedMessageId(Message record) {
    return UUID.fromString(record.data().string(MESSAGE_ID));
  }

  private static Map<String, Object> identity(Message message, String subscriberId) {
    Map<String, Object> identity = new LinkedHashMap<>();
    identity.put(MESSAGE_ID, message.id().toString());
    identity.put(STREAM_NAME, message.streamName());
    identity.put(POSITION, message.position());
    identity.put(GLOBAL_POSITION, message.globalPosition());
    identity.put(TYPE, message.type());
    identity.put(SUBSCRIBER_ID, subscriberId);
    return identity;
  }

  private static NewMessage parked(Map<String, Object> identity, String error, String stackTrace,
      int attempts, UUID blockedBy, Metadata metadata) {
    Map<String, Object> data = new LinkedHashMap<>(identity);
    data.put(ERROR, error);
    data.put(STACK_TRACE, stackTrace);
    data.put(ATTEMPTS, attempts);
    data.put(BLOCKED_BY, blockedBy == null ? null : blockedBy.toString());
    data.values().removeIf(value -> value == null);
    return NewMessage.of(PARKED, JsonObject.from(data), metadata);
  }

  private static JsonObject reference(ParkedMessage parked) {
    return JsonObject.of(
        MESSAGE_ID, parked.messageId().toString(),
        STREAM_NAME, parked.streamName(),
        GLOBAL_POSITION, parked.globalPosition(),
        SUBSCRIBER_ID, parked.subscriberId());
  }

  static String describe(Throwable error) {
    StringBuilder text = new StringBuilder(error.getClass().getName());
    if (error.getMessage() != null) {
      text.append(": ").append(error.getMessage());
    }
    Throwable cause = error.getCause();
    for (int depth = 0; cause != null && cause != error && depth < 5; depth++) {
      text.append("; caused by ").append(cause.getClass().getName());
      if (cause.getMessage() != null) {
        text.append(": ").append(cause.getMessage());
      }
      cause = cause.getCause();
    }
    return shorten(text.toString(), MAX_ERROR_LENGTH);
  }

  private static String stackTrace(Throwable error) {
    StringWriter trace = new StringWriter();
    error.printStackTrace(new PrintWriter(trace));
    return shorten(trace.toString(), MAX_STACK_TRACE_LENGTH);
  }

  private static String shorten(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max - 3) + "...";
  }
}

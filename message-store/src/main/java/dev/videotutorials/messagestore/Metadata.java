package dev.videotutorials.messagestore;

import java.util.Objects;

/**
 * A message's metadata: the original system's {@code traceId}, {@code userId} and
 * {@code originStreamName}, Message DB's {@code correlationStreamName}, and the causation of a
 * message written in reaction to another ({@code causationMessageId},
 * {@code causationMessageStreamName}, {@code causationMessagePosition},
 * {@code causationMessageGlobalPosition}). Other fields are kept as they are.
 */
public final class Metadata {

  public static final String TRACE_ID = "traceId";
  public static final String USER_ID = "userId";
  public static final String ORIGIN_STREAM_NAME = "originStreamName";
  public static final String CORRELATION_STREAM_NAME = "correlationStreamName";
  public static final String CAUSATION_MESSAGE_ID = "causationMessageId";
  public static final String CAUSATION_MESSAGE_STREAM_NAME = "causationMessageStreamName";
  public static final String CAUSATION_MESSAGE_POSITION = "causationMessagePosition";
  public static final String CAUSATION_MESSAGE_GLOBAL_POSITION = "causationMessageGlobalPosition";

  private static final Metadata EMPTY = new Metadata(JsonObject.empty());

  private final JsonObject fields;

  private Metadata(JsonObject fields) {
    this.fields = Objects.requireNonNull(fields);
  }

  public static Metadata empty() {
    return EMPTY;
  }

  public static Metadata of(JsonObject fields) {
    return fields == null || fields.isEmpty() ? EMPTY : new Metadata(fields);
  }

  public static Metadata parse(String json) {
    return of(JsonObject.parse(json));
  }

  /**
   * Metadata for a message written in reaction to {@code cause}: carries its trace, user and
   * correlation on, and records the cause's identity.
   */
  public static Metadata follow(Message cause) {
    Metadata source = cause.metadata();
    return empty()
        .withTraceId(source.traceId())
        .withUserId(source.userId())
        .withCorrelationStreamName(source.correlationStreamName())
        .with(CAUSATION_MESSAGE_ID, cause.id().toString())
        .with(CAUSATION_MESSAGE_STREAM_NAME, cause.streamName())
        .with(CAUSATION_MESSAGE_POSITION, cause.position())
        .with(CAUSATION_MESSAGE_GLOBAL_POSITION, cause.globalPosition());
  }

  public String traceId() {
    return fields.string(TRACE_ID);
  }

  public String userId() {
    return fields.string(USER_ID);
  }

  public String originStreamName() {
    return fields.string(ORIGIN_STREAM_NAME);
  }

  public String correlationStreamName() {
    return fields.string(CORRELATION_STREAM_NAME);
  }

  public String causationMessageId() {
    return fields.string(CAUSATION_MESSAGE_ID);
  }

  public String causationMessageStreamName() {
    return fields.string(CAUSATION_MESSAGE_STREAM_NAME);
  }

  public Long causationMessageGlobalPosition() {
    return fields.longValue(CAUSATION_MESSAGE_GLOBAL_POSITION);
  }

  public Metadata withTraceId(String traceId) {
    return with(TRACE_ID, traceId);
  }

  public Metadata withUserId(String userId) {
    return with(USER_ID, userId);
  }

  public Metadata withOriginStreamName(String originStreamName) {
    return with(ORIGIN_STREAM_NAME, originStreamName);
  }

  public Metadata withCorrelationStreamName(String correlationStreamName) {
    return with(CORRELATION_STREAM_NAME, correlationStreamName);
  }

  /** A copy with {@code field} set; a null value removes it. */
  public Metadata with(String field, Object value) {
    return of(fields.with(field, value));
  }

  /** A copy with {@code field} set to JSON null (the original writes {@code userId: null} so). */
  public Metadata withExplicitNull(String field) {
    return of(fields.merge(JsonObject.from(Json.MAPPER.createObjectNode().putNull(field))));
  }

  public String string(String field) {
    return fields.string(field);
  }

  public JsonObject fields() {
    return fields;
  }

  public boolean isEmpty() {
    return fields.isEmpty();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Metadata metadata && fields.equals(metadata.fields);
  }

  @Override
  public int hashCode() {
    return fields.hashCode();
  }

  @Override
  public String toString() {
    return fields.toJson();
  }
}

package dev.videotutorials.messagestore.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.videotutorials.messagestore.Json;
import dev.videotutorials.messagestore.JsonObject;
import dev.videotutorials.messagestore.Message;
import dev.videotutorials.messagestore.Metadata;
import dev.videotutorials.messagestore.NewMessage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Messages, their data and their metadata are values: nothing a caller does changes them. */
class MessageValuesTest {

  private static final JsonObject ORIGINAL = JsonObject.parse("{\"name\":\"Ann\",\"nested\":{\"n\":1},\"list\":[1,2]}");

  @Test
  void withMergeAndWithoutReturnCopies() {
    JsonObject changed = ORIGINAL.with("name", "Bob");
    JsonObject merged = ORIGINAL.merge(JsonObject.of("extra", true, "name", "Cy"));
    JsonObject removed = ORIGINAL.without("name");
    JsonObject nulled = ORIGINAL.with("name", null);

    assertThat(ORIGINAL.string("name")).isEqualTo("Ann");
    assertThat(ORIGINAL.has("extra")).isFalse();
    assertThat(changed.string("name")).isEqualTo("Bob");
    assertThat(merged.string("name")).isEqualTo("Cy");
    assertThat(merged.booleanValue("extra")).isTrue();
    assertThat(removed.has("name")).isFalse();
    assertThat(nulled.fieldNames()).doesNotContain("name");
    assertThat(JsonObject.empty().with("a", 1).string("a")).isEqualTo("1");
    assertThat(JsonObject.empty().isEmpty()).isTrue();
  }

  @Test
  void toNodeIsACopy() {
    ObjectNode node = ORIGINAL.toNode();
    node.put("name", "Mallory");
    node.with("nested").put("n", 99);
    ((ArrayNode) node.get("list")).add(3);

    assertThat(ORIGINAL.toJson()).isEqualTo("{\"name\":\"Ann\",\"nested\":{\"n\":1},\"list\":[1,2]}");
  }

  @Test
  void changingWhatAnObjectWasBuiltFromDoesNotChangeIt() {
    ObjectNode source = Json.MAPPER.createObjectNode().put("a", 1);
    JsonObject fromNode = JsonObject.from(source);
    Map<String, Object> nestedMap = new HashMap<>(Map.of("n", 1));
    List<Object> list = new ArrayList<>(List.of(1));
    JsonObject fromMap = JsonObject.of("nested", nestedMap, "list", list);
    ObjectNode valueNode = Json.MAPPER.createObjectNode().put("n", 1);
    JsonObject withNode = JsonObject.empty().with("nested", valueNode);

    source.put("a", 2);
    nestedMap.put("n", 2);
    list.add(2);
    valueNode.put("n", 2);

    assertThat(fromNode.toJson()).isEqualTo("{\"a\":1}");
    assertThat(fromMap.toJson()).isEqualTo("{\"nested\":{\"n\":1},\"list\":[1]}");
    assertThat(withNode.toJson()).isEqualTo("{\"nested\":{\"n\":1}}");
  }

  @Test
  void conversionsGiveCopies() {
    Map<String, Object> map = ORIGINAL.toMap();
    map.put("name", "Mallory");
    ObjectNode asNode = ORIGINAL.as(ObjectNode.class);
    asNode.put("name", "Mallory");

    assertThat(ORIGINAL.string("name")).isEqualTo("Ann");
  }

  @Test
  void parseAcceptsOnlyObjects() {
    assertThat(JsonObject.parse(null)).isEqualTo(JsonObject.empty());
    assertThat(JsonObject.parse("null")).isEqualTo(JsonObject.empty());
    assertThatThrownBy(() -> JsonObject.parse("[1,2]")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Not a JSON object");
    assertThatThrownBy(() -> JsonObject.parse("{\"a\":")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Invalid JSON");
  }

  @Test
  void equalityIgnoresFieldOrder() {
    assertThat(JsonObject.parse("{\"a\":1,\"b\":2}")).isEqualTo(JsonObject.parse("{\"b\":2,\"a\":1}"))
        .hasSameHashCodeAs(JsonObject.parse("{\"b\":2,\"a\":1}"));
  }

  @Test
  void metadataChangesReturnCopies() {
    Metadata original = Metadata.empty().withTraceId("trace-1");
    Metadata changed = original.withUserId("user-1").withTraceId("trace-2");

    assertThat(original.traceId()).isEqualTo("trace-1");
    assertThat(original.userId()).isNull();
    assertThat(changed.traceId()).isEqualTo("trace-2");
    assertThat(changed.userId()).isEqualTo("user-1");
    assertThat(Metadata.empty().isEmpty()).isTrue();
    assertThat(original.withTraceId(null).isEmpty()).isTrue();

    original.fields().toNode().put(Metadata.TRACE_ID, "tampered");
    assertThat(original.traceId()).isEqualTo("trace-1");
  }

  @Test
  void explicitNullIsKeptAsJsonNull() {
    Metadata metadata = Metadata.empty().withTraceId("t").withExplicitNull(Metadata.USER_ID);

    assertThat(metadata.userId()).isNull();
    assertThat(metadata.fields().toNode().has(Metadata.USER_ID)).isTrue();
    assertThat(metadata.fields().toNode().get(Metadata.USER_ID).isNull()).isTrue();
    assertThat(metadata.toString()).isEqualTo("{\"traceId\":\"t\",\"userId\":null}");
    assertThat(metadata.isEmpty()).isFalse();
  }

  @Test
  void explicitNullOfAFieldNameWithQuotesAndBackslashes() {
    String field = "we\\ird \"name\"\\b";
    Metadata metadata = Metadata.empty().withExplicitNull(field);

    assertThat(metadata.fields().fieldNames()).containsExactly(field);
    assertThat(metadata.fields().toNode().get(field).isNull()).isTrue();
  }

  @Test
  void followRecordsTheCauseAndCarriesTraceUserAndCorrelation() {
    Message cause = new Message(UUID.randomUUID(), "viewing-7", "VideoViewed", 4, 123,
        JsonObject.of("videoId", "7"),
        Metadata.empty().withTraceId("trace-9").withUserId("user-3")
            .withCorrelationStreamName("replies-5").withOriginStreamName("origin-1")
            .with("causationMessageId", "older-cause"),
        Instant.parse("2024-01-02T03:04:05Z"));

    Metadata followed = Metadata.follow(cause);

    assertThat(followed.causationMessageId()).isEqualTo(cause.id().toString());
    assertThat(followed.causationMessageStreamName()).isEqualTo("viewing-7");
    assertThat(followed.fields().longValue(Metadata.CAUSATION_MESSAGE_POSITION)).isEqualTo(4);
    assertThat(followed.causationMessageGlobalPosition()).isEqualTo(123);
    assertThat(followed.traceId()).isEqualTo("trace-9");
    assertThat(followed.userId()).isEqualTo("user-3");
    assertThat(followed.correlationStreamName()).isEqualTo("replies-5");
    assertThat(cause.metadata().causationMessageId()).isEqualTo("older-cause");
  }

  @Test
  void followOfACauseWithoutMetadataRecordsOnlyTheCause() {
    Message cause = new Message(UUID.randomUUID(), "viewing-7", "VideoViewed", 0, 1, null, null, null);

    Metadata followed = Metadata.follow(cause);

    assertThat(followed.fields().fieldNames()).containsExactlyInAnyOrder(
        Metadata.CAUSATION_MESSAGE_ID, Metadata.CAUSATION_MESSAGE_STREAM_NAME,
        Metadata.CAUSATION_MESSAGE_POSITION, Metadata.CAUSATION_MESSAGE_GLOBAL_POSITION);
  }

  @Test
  void newMessagesAreValues() {
    NewMessage message = NewMessage.of("Opened", null, null);
    NewMessage withOtherId = message.withId(UUID.randomUUID());

    assertThat(message.data()).isEqualTo(JsonObject.empty());
    assertThat(message.metadata()).isEqualTo(Metadata.empty());
    assertThat(withOtherId.id()).isNotEqualTo(message.id());
    assertThat(withOtherId.type()).isEqualTo("Opened");
    assertThatThrownBy(() -> NewMessage.of(" ", null)).isInstanceOf(IllegalArgumentException.class);
  }
}

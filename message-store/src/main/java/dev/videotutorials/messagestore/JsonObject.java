package dev.videotutorials.messagestore;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * An immutable JSON object: the data or metadata of a message. Changes return a new object.
 */
public final class JsonObject {

  private static final JsonObject EMPTY = new JsonObject(JsonNodeFactory.instance.objectNode());

  private final ObjectNode node;

  private JsonObject(ObjectNode node) {
    this.node = node;
  }

  public static JsonObject empty() {
    return EMPTY;
  }

  /** Parses a JSON object; null or JSON {@code null} give the empty object. */
  public static JsonObject parse(String json) {
    if (json == null) {
      return EMPTY;
    }
    try {
      JsonNode parsed = Json.MAPPER.readTree(json);
      if (parsed == null || parsed.isNull()) {
        return EMPTY;
      }
      if (!parsed.isObject()) {
        throw new IllegalArgumentException("Not a JSON object: " + abbreviate(json));
      }
      return new JsonObject((ObjectNode) parsed);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("Invalid JSON: " + e.getOriginalMessage());
    }
  }

  /** From alternating field names and values: {@code of("email", e, "userId", id)}. */
  public static JsonObject of(Object... fieldsAndValues) {
    if (fieldsAndValues.length % 2 != 0) {
      throw new IllegalArgumentException("Expected field/value pairs");
    }
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < fieldsAndValues.length; i += 2) {
      map.put((String) fieldsAndValues[i], fieldsAndValues[i + 1]);
    }
    return from(map);
  }

  /** From a map, a record or any object Jackson can turn into a JSON object. */
  public static JsonObject from(Object value) {
    if (value == null) {
      return EMPTY;
    }
    if (value instanceof JsonObject json) {
      return json;
    }
    JsonNode tree = Json.MAPPER.valueToTree(value);
    if (!tree.isObject()) {
      throw new IllegalArgumentException("Not a JSON object: " + value.getClass().getName());
    }
    return new JsonObject((ObjectNode) tree);
  }

  public boolean has(String field) {
    JsonNode value = node.get(field);
    return value != null && !value.isNull();
  }

  public boolean isEmpty() {
    return node.isEmpty();
  }

  /** The field as text, or null when absent or JSON null. Numbers and booleans are rendered. */
  public String string(String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    return value.isValueNode() ? value.asText() : value.toString();
  }

  public Optional<String> optionalString(String field) {
    return Optional.ofNullable(string(field));
  }

  /** The field as a long, or null when absent; numeric text is accepted. */
  public Long longValue(String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (value.isIntegralNumber() || value.canConvertToLong()) {
      return value.asLong();
    }
    if (value.isTextual()) {
      try {
        return Long.parseLong(value.asText());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("Field " + field + " is not a number: " + value.asText());
      }
    }
    throw new IllegalArgumentException("Field " + field + " is not a number: " + value);
  }

  public Boolean booleanValue(String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value.asBoolean();
  }

  public Set<String> fieldNames() {
    Set<String> names = new TreeSet<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  /** A copy with {@code field} set (a null value removes the field). */
  public JsonObject with(String field, Object value) {
    ObjectNode copy = node.deepCopy();
    if (value == null) {
      copy.remove(field);
    } else {
      copy.set(field, Json.MAPPER.valueToTree(value));
    }
    return new JsonObject(copy);
  }

  /** A copy with every field of {@code other} set over this one's. */
  public JsonObject merge(JsonObject other) {
    ObjectNode copy = node.deepCopy();
    copy.setAll(other.node.deepCopy());
    return new JsonObject(copy);
  }

  public JsonObject without(String field) {
    ObjectNode copy = node.deepCopy();
    copy.remove(field);
    return new JsonObject(copy);
  }

  /** Converts to a record or class. */
  public <T> T as(Class<T> type) {
    return Json.MAPPER.convertValue(node, type);
  }

  public Map<String, Object> toMap() {
    @SuppressWarnings("unchecked")
    Map<String, Object> map = Json.MAPPER.convertValue(node, Map.class);
    return map;
  }

  /** A copy of the underlying tree. */
  public ObjectNode toNode() {
    return node.deepCopy();
  }

  public String toJson() {
    return node.toString();
  }

  /** Indented JSON for people. */
  public String toPrettyJson() {
    return node.toPrettyString();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof JsonObject json && node.equals(json.node);
  }

  @Override
  public int hashCode() {
    return node.hashCode();
  }

  @Override
  public String toString() {
    return toJson();
  }

  private static String abbreviate(String text) {
    return text.length() > 80 ? text.substring(0, 80) + "..." : text;
  }
}

package dev.videotutorials.messagestore;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Stream-name grammar shared with Message DB: {@code category-id}, where the category may carry
 * types ({@code identity:command}) and the id may be compound ({@code 123+abc}, cardinal id
 * {@code 123}). Results match the SQL functions {@code category}, {@code id},
 * {@code cardinal_id} and {@code is_category} for every input.
 */
public final class StreamName {

  public static final char ID_SEPARATOR = '-';
  public static final char COMPOUND_ID_SEPARATOR = '+';
  public static final char CATEGORY_TYPE_SEPARATOR = ':';

  private StreamName() {
  }

  /** {@code category + "-" + id}. */
  public static String of(String category, String id) {
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(id, "id");
    return category + ID_SEPARATOR + id;
  }

  /** {@code category-id1+id2+...}; the first id is the cardinal id. */
  public static String of(String category, String cardinalId, String... otherIds) {
    return of(category, compoundId(cardinalId, otherIds));
  }

  /** A category with types: {@code entity:type1+type2}. */
  public static String categoryWithTypes(String entity, String... types) {
    Objects.requireNonNull(entity, "entity");
    if (types.length == 0) {
      return entity;
    }
    return entity + CATEGORY_TYPE_SEPARATOR + String.join(String.valueOf(COMPOUND_ID_SEPARATOR), types);
  }

  public static String compoundId(String cardinalId, String... otherIds) {
    Objects.requireNonNull(cardinalId, "cardinalId");
    StringBuilder id = new StringBuilder(cardinalId);
    for (String other : otherIds) {
      id.append(COMPOUND_ID_SEPARATOR).append(other);
    }
    return id.toString();
  }

  /** Text before the first {@code -}, or the whole name if it has none; null for null. */
  public static String category(String streamName) {
    if (streamName == null) {
      return null;
    }
    int dash = streamName.indexOf(ID_SEPARATOR);
    return dash < 0 ? streamName : streamName.substring(0, dash);
  }

  /** Text after the first {@code -}, or null if there is none. */
  public static String id(String streamName) {
    if (streamName == null) {
      return null;
    }
    int dash = streamName.indexOf(ID_SEPARATOR);
    return dash < 0 ? null : streamName.substring(dash + 1);
  }

  /** The id up to its first {@code +}, or null if the name has no id. */
  public static String cardinalId(String streamName) {
    String id = id(streamName);
    if (id == null) {
      return null;
    }
    int plus = id.indexOf(COMPOUND_ID_SEPARATOR);
    return plus < 0 ? id : id.substring(0, plus);
  }

  /** The parts of a compound id, in order. */
  public static List<String> ids(String streamName) {
    String id = id(streamName);
    return id == null ? List.of() : Arrays.asList(id.split("\\+", -1));
  }

  /** True when the name has no {@code -} (Message DB also answers true for null). */
  public static boolean isCategory(String streamName) {
    return streamName == null || streamName.indexOf(ID_SEPARATOR) < 0;
  }

  /** The entity part of a category: {@code identity} for {@code identity:command-1}. */
  public static String entity(String streamName) {
    String category = category(streamName);
    if (category == null) {
      return null;
    }
    int colon = category.indexOf(CATEGORY_TYPE_SEPARATOR);
    return colon < 0 ? category : category.substring(0, colon);
  }

  /** The category types: {@code [command]} for {@code identity:command-1}, empty if none. */
  public static List<String> categoryTypes(String streamName) {
    String category = category(streamName);
    if (category == null) {
      return List.of();
    }
    int colon = category.indexOf(CATEGORY_TYPE_SEPARATOR);
    if (colon < 0) {
      return List.of();
    }
    return Arrays.asList(category.substring(colon + 1).split("\\+", -1));
  }

  public static boolean hasCategoryType(String streamName, String type) {
    return categoryTypes(streamName).contains(type);
  }
}

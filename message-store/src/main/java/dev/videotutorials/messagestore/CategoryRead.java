package dev.videotutorials.messagestore;

import java.util.Objects;

/**
 * The parameters of a category read, with Message DB's defaults: from global position 1,
 * 1,000 messages, no correlation, no consumer group, no condition.
 */
public record CategoryRead(
    String category,
    long position,
    long batchSize,
    String correlation,
    Long consumerGroupMember,
    Long consumerGroupSize,
    String condition) {

  public CategoryRead {
    // Whether it is a category is the server's to say ("Must be a category: ..."), as for
    // every other argument it validates.
    Objects.requireNonNull(category, "category");
    if (batchSize < -1) {
      throw new IllegalArgumentException("Batch size must be -1 (no limit) or more: " + batchSize);
    }
    if ((consumerGroupMember == null) != (consumerGroupSize == null)) {
      throw new IllegalArgumentException("Consumer group member and size must be given together");
    }
  }

  public static CategoryRead of(String category) {
    return new CategoryRead(category, 1, 1000, null, null, null, null);
  }

  public CategoryRead fromPosition(long globalPosition) {
    return new CategoryRead(category, globalPosition, batchSize, correlation, consumerGroupMember, consumerGroupSize, condition);
  }

  public CategoryRead batchSize(long size) {
    return new CategoryRead(category, position, size, correlation, consumerGroupMember, consumerGroupSize, condition);
  }

  /** Only messages whose metadata {@code correlationStreamName} is in this category. */
  public CategoryRead correlation(String correlationCategory) {
    return new CategoryRead(category, position, batchSize, correlationCategory, consumerGroupMember, consumerGroupSize, condition);
  }

  public CategoryRead consumerGroup(long member, long size) {
    return new CategoryRead(category, position, batchSize, correlation, member, size, condition);
  }

  /** A raw SQL condition; the server refuses it unless {@code message_store.sql_condition} is on. */
  public CategoryRead condition(String sqlCondition) {
    return new CategoryRead(category, position, batchSize, correlation, consumerGroupMember, consumerGroupSize, sqlCondition);
  }
}

package dev.videotutorials.messagestore;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The store's {@code hash_64}: the first eight bytes of the MD5 digest of the UTF-8 text, read
 * as a signed big-endian 64-bit integer. Consumer groups use it to give each stream to exactly
 * one member.
 */
public final class Hash64 {

  private Hash64() {
  }

  /** {@code hash_64(value)}; null for null. */
  public static Long of(String value) {
    if (value == null) {
      return null;
    }
    try {
      byte[] digest = MessageDigest.getInstance("MD5").digest(value.getBytes(StandardCharsets.UTF_8));
      return ByteBuffer.wrap(digest, 0, Long.BYTES).getLong();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("MD5 is not available", e);
    }
  }

  /**
   * The consumer-group member that reads {@code streamName} in a group of {@code size}, or -1
   * when the stream has no id (such streams belong to no member).
   */
  public static long consumerGroupMember(String streamName, long size) {
    if (size < 1) {
      throw new IllegalArgumentException("Consumer group size must not be less than 1: " + size);
    }
    Long hash = of(StreamName.cardinalId(streamName));
    if (hash == null) {
      return -1;
    }
    return Math.abs(hash) % size;
  }
}

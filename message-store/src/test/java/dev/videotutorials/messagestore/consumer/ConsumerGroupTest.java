package dev.videotutorials.messagestore.consumer;

import static dev.videotutorials.messagestore.consumer.StoreFixtures.lastRecordedPosition;
import static dev.videotutorials.messagestore.consumer.StoreFixtures.writeMany;
import static org.assertj.core.api.Assertions.assertThat;

import dev.videotutorials.messagestore.Hash64;
import dev.videotutorials.messagestore.Message;
import dev.videotutorials.messagestore.MessageStore;
import dev.videotutorials.messagestore.testing.TestDatabase;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ConsumerGroupTest {

  private static final int MESSAGES = 10_000;
  private static final int STREAMS = 150;
  private static final int MEMBERS = 3;

  private static TestDatabase database;
  private static MessageStore store;

  @BeforeAll
  static void createDatabase() {
    database = TestDatabase.withMessageStore();
    store = new MessageStore(database.dataSource());
  }

  @AfterAll
  static void dropDatabase() {
    database.close();
  }

  private record Handled(int member, Message message) {
  }

  @Test
  void everyMessageIsHandledByExactlyOneMemberInStreamOrder() {
    writeMany(database.dataSource(), "grouped", STREAMS, MESSAGES, "Thing");
    Queue<Handled> handled = new ConcurrentLinkedQueue<>();
    List<Consumer> members = new ArrayList<>();
    for (int member = 0; member < MEMBERS; member++) {
      int me = member;
      members.add(Consumer.builder(store, "group-test")
          .category("grouped")
          .on("Thing", message -> handled.add(new Handled(me, message)))
          .consumerGroup(member, MEMBERS)
          .build());
    }
    members.forEach(Consumer::start);
    Eventually.until("every message handled", handled::size, size -> size >= MESSAGES);
    members.forEach(Consumer::stop);

    Set<Object> ids = new HashSet<>();
    Map<String, Integer> memberOfStream = new HashMap<>();
    Map<String, Long> lastPositionOfStream = new HashMap<>();
    int[] perMember = new int[MEMBERS];
    for (Handled h : handled) {
      Message message = h.message();
      assertThat(ids.add(message.id())).as("handled once: %s", message.id()).isTrue();
      assertThat(memberOfStream.computeIfAbsent(message.streamName(), s -> h.member()))
          .as("one member per stream: %s", message.streamName()).isEqualTo(h.member());
      assertThat(message.position()).as("stream order of %s", message.streamName())
          .isEqualTo(lastPositionOfStream.getOrDefault(message.streamName(), -1L) + 1);
      lastPositionOfStream.put(message.streamName(), message.position());
      perMember[h.member()]++;
    }
    assertThat(ids).hasSize(MESSAGES);
    assertThat(memberOfStream).hasSize(STREAMS);
    memberOfStream.forEach((stream, member) ->
        assertThat(Hash64.consumerGroupMember(stream, MEMBERS))
            .as("Message DB's member for %s", stream).isEqualTo(member.longValue()));
    assertThat(perMember).doesNotContain(0);

    for (Consumer member : members) {
      assertThat(member.positionStreamName()).isEqualTo("subscriberPosition-group-test+" + member.consumerGroupMember());
      assertThat(lastRecordedPosition(store, member.positionStreamName())).isEqualTo(member.position()).isPositive();
    }
  }
}

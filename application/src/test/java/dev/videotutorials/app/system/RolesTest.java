package dev.videotutorials.app.system;

import static org.assertj.core.api.Assertions.assertThat;

import dev.videotutorials.app.testing.TestSystem;
import dev.videotutorials.app.web.common.LoginThrottle;
import dev.videotutorials.messagestore.MessageStore;
import dev.videotutorials.messagestore.consumer.Consumer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

class RolesTest {

  /** Builds one real consumer per role and records which roles were asked for. */
  private static final class RecordingCatalog implements ConsumerCatalog.Factory {
    final List<String> built = new ArrayList<>();

    @Override
    public ConsumerCatalog create(MessageStore store, DataSource view, Settings settings) {
      return new ConsumerCatalog() {
        @Override
        public List<Consumer> aggregators() {
          built.add("aggregators");
          return List.of(Consumer.builder(store, "test:aggregator").category("viewing").onAny(message -> { }).build());
        }

        @Override
        public List<Consumer> components() {
          built.add("components");
          return List.of(Consumer.builder(store, "test:component").category("identity:command").onAny(message -> { }).build());
        }
      };
    }
  }

  @Test
  void theWebRoleAloneStartsNoConsumers() {
    RecordingCatalog catalog = new RecordingCatalog();
    try (TestSystem system = TestSystem.start(Map.of("ROLES", "web"), catalog, LoginThrottle.Limits.DEFAULT)) {
      assertThat(system.url()).isNotNull();
      assertThat(system.newClient().get("/").status()).isEqualTo(200);
      assertThat(system.system().consumers()).isEmpty();
      assertThat(catalog.built).isEmpty();
    }
  }

  @Test
  void theAggregatorsRoleAloneServesNoHttp() {
    RecordingCatalog catalog = new RecordingCatalog();
    try (TestSystem system = TestSystem.start(Map.of("ROLES", "aggregators"), catalog, LoginThrottle.Limits.DEFAULT)) {
      assertThat(system.url()).isNull();
      assertThat(catalog.built).containsExactly("aggregators");
      assertThat(system.system().consumers()).extracting(Consumer::subscriberId).containsExactly("test:aggregator");
      assertThat(system.system().consumers()).allMatch(Consumer::running);
    }
  }

  @Test
  void allRolesStartAggregatorsBeforeComponentsAndStopThemAll() {
    RecordingCatalog catalog = new RecordingCatalog();
    List<Consumer> consumers;
    try (TestSystem system = TestSystem.start(Map.of(), catalog, LoginThrottle.Limits.DEFAULT)) {
      assertThat(catalog.built).containsExactly("aggregators", "components");
      consumers = system.system().consumers();
      assertThat(consumers).extracting(Consumer::subscriberId).containsExactly("test:aggregator", "test:component");
      assertThat(system.url()).isNotNull();
    }
    assertThat(consumers).noneMatch(Consumer::running);
  }
}

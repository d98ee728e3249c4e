package dev.videotutorials.messagestore.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.videotutorials.messagestore.StreamName;
import org.junit.jupiter.api.Test;

class StreamNameTest {

  @Test
  void categoryIsTheTextBeforeTheFirstDash() {
    assertThat(StreamName.category("account-123")).isEqualTo("account");
    assertThat(StreamName.category("account-123+456")).isEqualTo("account");
    assertThat(StreamName.category("account:command-123")).isEqualTo("account:command");
    assertThat(StreamName.category("a-b-c")).isEqualTo("a");
    assertThat(StreamName.category("account")).isEqualTo("account");
    assertThat(StreamName.category("-x")).isEmpty();
    assertThat(StreamName.category("")).isEmpty();
    assertThat(StreamName.category(null)).isNull();
  }

  @Test
  void idIsTheTextAfterTheFirstDash() {
    assertThat(StreamName.id("account-123")).isEqualTo("123");
    assertThat(StreamName.id("a-b-c")).isEqualTo("b-c");
    assertThat(StreamName.id("x-")).isEmpty();
    assertThat(StreamName.id("account")).isNull();
    assertThat(StreamName.id(null)).isNull();
  }

  @Test
  void cardinalIdIsTheIdUpToTheFirstPlus() {
    assertThat(StreamName.cardinalId("account-123+456")).isEqualTo("123");
    assertThat(StreamName.cardinalId("account-123")).isEqualTo("123");
    assertThat(StreamName.cardinalId("account-+x")).isEmpty();
    assertThat(StreamName.cardinalId("account:command+position-7+8")).isEqualTo("7");
    assertThat(StreamName.cardinalId("account")).isNull();
    assertThat(StreamName.cardinalId(null)).isNull();
  }

  @Test
  void isCategoryWhenThereIsNoDash() {
    assertThat(StreamName.isCategory("account")).isTrue();
    assertThat(StreamName.isCategory("account:command")).isTrue();
    assertThat(StreamName.isCategory("")).isTrue();
    assertThat(StreamName.isCategory(null)).isTrue();
    assertThat(StreamName.isCategory("account-1")).isFalse();
    assertThat(StreamName.isCategory("-")).isFalse();
  }

  @Test
  void compoundIds() {
    assertThat(StreamName.of("account", "123")).isEqualTo("account-123");
    assertThat(StreamName.of("account", "123", "abc", "x")).isEqualTo("account-123+abc+x");
    assertThat(StreamName.compoundId("1")).isEqualTo("1");
    assertThat(StreamName.compoundId("1", "2")).isEqualTo("1+2");
    assertThat(StreamName.ids("account-123+abc+x")).containsExactly("123", "abc", "x");
    assertThat(StreamName.ids("account-123")).containsExactly("123");
    assertThat(StreamName.ids("account-+")).containsExactly("", "");
    assertThat(StreamName.ids("account")).isEmpty();
  }

  @Test
  void categoryTypesAndEntity() {
    assertThat(StreamName.categoryWithTypes("identity", "command")).isEqualTo("identity:command");
    assertThat(StreamName.categoryWithTypes("account", "command", "position")).isEqualTo("account:command+position");
    assertThat(StreamName.categoryWithTypes("account")).isEqualTo("account");

    assertThat(StreamName.entity("identity:command-1")).isEqualTo("identity");
    assertThat(StreamName.entity("identity-1")).isEqualTo("identity");
    assertThat(StreamName.entity("identity:command")).isEqualTo("identity");
    assertThat(StreamName.entity(null)).isNull();

    assertThat(StreamName.categoryTypes("identity:command-1")).containsExactly("command");
    assertThat(StreamName.categoryTypes("account:command+position-1+2")).containsExactly("command", "position");
    assertThat(StreamName.categoryTypes("identity-1")).isEmpty();
    assertThat(StreamName.categoryTypes("identity-a:b")).isEmpty();
    assertThat(StreamName.hasCategoryType("identity:command-1", "command")).isTrue();
    assertThat(StreamName.hasCategoryType("identity:command-1", "position")).isFalse();
    assertThat(StreamName.hasCategoryType("identity-1", "command")).isFalse();
  }
}

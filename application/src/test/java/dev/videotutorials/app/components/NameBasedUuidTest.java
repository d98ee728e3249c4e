package dev.videotutorials.app.components;

import static org.assertj.core.api.Assertions.assertThat;

import dev.videotutorials.app.components.sendemail.EmailId;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class NameBasedUuidTest {

  @Test
  void emailIdOfTheOriginalSystem() {
    assertThat(EmailId.forAddress("alice@example.com")).isEqualTo("eb0e3690-3131-51fc-8013-f8628ea3f588");
  }

  @Test
  void rfcDnsNamespaceVector() {
    UUID dns = UUID.fromString("6ba7b810-9dad-11d1-80b4-00c04fd430c8");
    assertThat(NameBasedUuid.v5(dns, "python.org")).hasToString("886313e1-3b8a-5372-9b90-0c9aee199e5d");
  }

  @Test
  void isVersionFiveOfTheIetfVariant() {
    UUID id = NameBasedUuid.v5(EmailId.NAMESPACE, "bob@example.com");
    assertThat(id.version()).isEqualTo(5);
    assertThat(id.variant()).isEqualTo(2);
    assertThat(id).isNotEqualTo(UUID.nameUUIDFromBytes("bob@example.com".getBytes()));
  }

  @Test
  void hashesNamesAsUtf8() {
    assertThat(EmailId.forAddress("zo\u00eb@example.com")).isEqualTo("a9e0943e-1999-58e5-bf20-287981d1e087");
  }
}

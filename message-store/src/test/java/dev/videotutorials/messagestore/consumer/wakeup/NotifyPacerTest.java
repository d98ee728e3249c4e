package dev.videotutorials.messagestore.consumer.wakeup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class NotifyPacerTest {

  private static final long MILLI = TimeUnit.MILLISECONDS.toNanos(1);
  private static final NotifyPacing PACING = new NotifyPacing(Duration.ofMillis(1), Duration.ofMillis(5), 2_000);

  @Test
  void writesAtAModerateRateKeepTheShortGap() {
    NotifyPacer pacer = new NotifyPacer(PACING, 0);
    writes(pacer, 100);

    assertThat(pacer.gapNanos(100 * MILLI)).isEqualTo(MILLI);
  }

  @Test
  void heavyWritingWidensTheGapUntilItCalmsDown() {
    NotifyPacer pacer = new NotifyPacer(PACING, 0);
    writes(pacer, 300);
    long busy = pacer.gapNanos(100 * MILLI);
    long stillWithinTheWindow = pacer.gapNanos(150 * MILLI);
    writes(pacer, 10);
    long calm = pacer.gapNanos(200 * MILLI);

    assertThat(busy).isEqualTo(5 * MILLI);
    assertThat(stillWithinTheWindow).isEqualTo(5 * MILLI);
    assertThat(calm).isEqualTo(MILLI);
  }

  @Test
  void theRateIsNotJudgedOnLessThanATenthOfASecond() {
    NotifyPacer pacer = new NotifyPacer(PACING, 0);
    writes(pacer, 50);

    assertThat(pacer.gapNanos(10 * MILLI)).isEqualTo(MILLI);
  }

  @Test
  void aFixedPacingIgnoresTheRate() {
    NotifyPacer pacer = new NotifyPacer(NotifyPacing.fixed(Duration.ofMillis(3)), 0);
    writes(pacer, 100_000);

    assertThat(pacer.gapNanos(100 * MILLI)).isEqualTo(3 * MILLI);
  }

  private static void writes(NotifyPacer pacer, int count) {
    for (int i = 0; i < count; i++) {
      pacer.written();
    }
  }
}

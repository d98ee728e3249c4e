package dev.videotutorials.app.web.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.videotutorials.app.components.testing.Eventually;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SharedReadTest {

  private final List<Thread> readers = new ArrayList<>();
  private final AtomicInteger started = new AtomicInteger();
  private final CountDownLatch firstQueryMayEnd = new CountDownLatch(1);

  @AfterEach
  void stopReaders() {
    firstQueryMayEnd.countDown();
    readers.forEach(Thread::interrupt);
  }

  private FutureTask<Integer> startReader(SharedRead<Integer> read) {
    FutureTask<Integer> reader = new FutureTask<>(read::read);
    Thread thread = new Thread(reader, "reader-" + readers.size());
    readers.add(thread);
    thread.start();
    return reader;
  }

  /** Query number n answers n; the first one waits until the test lets it end. */
  private int query() {
    int number = started.incrementAndGet();
    if (number == 1) {
      try {
        assertThat(firstQueryMayEnd.await(30, TimeUnit.SECONDS)).isTrue();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    return number;
  }

  @Test
  void aLoneReaderRunsItsOwnQueryEveryTime() {
    firstQueryMayEnd.countDown();
    SharedRead<Integer> read = new SharedRead<>(this::query);

    assertThat(read.read()).isEqualTo(1);
    assertThat(read.read()).isEqualTo(2);
    assertThat(read.read()).isEqualTo(3);
  }

  @Test
  void readersWhoAskDuringAQueryShareTheNextOneNeverTheRunningOne() throws Exception {
    SharedRead<Integer> read = new SharedRead<>(this::query);
    FutureTask<Integer> first = startReader(read);
    Eventually.await("the first query to start", () -> started.get() == 1);

    List<FutureTask<Integer>> later = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      later.add(startReader(read));
    }
    Eventually.await("the later readers to wait", () -> readers.stream().skip(1)
        .allMatch(thread -> thread.getState() == Thread.State.WAITING));
    firstQueryMayEnd.countDown();

    assertThat(first.get(30, TimeUnit.SECONDS)).isEqualTo(1);
    for (FutureTask<Integer> reader : later) {
      assertThat(reader.get(30, TimeUnit.SECONDS)).isEqualTo(2);
    }
    assertThat(started).hasValue(2);
  }

  @Test
  void aFailedQueryFailsItsReadersAndTheNextReadQueriesAgain() {
    AtomicInteger calls = new AtomicInteger();
    SharedRead<Integer> read = new SharedRead<>(() -> {
      if (calls.incrementAndGet() == 1) {
        throw new IllegalStateException("the database is away");
      }
      return calls.get();
    });

    assertThatThrownBy(read::read).isInstanceOf(IllegalStateException.class).hasMessage("the database is away");
    assertThat(read.read()).isEqualTo(2);
  }
}

package dev.videotutorials.messagestore.install;

import static org.assertj.core.api.Assertions.assertThat;

import dev.videotutorials.messagestore.testing.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

class InstallerSmokeTest {

  @Test
  void installsAndWritesAndReads() throws Exception {
    try (TestDatabase db = TestDatabase.withMessageStore()) {
      assertThat(new Installer(db.dataSource()).install().changed()).isFalse();
      try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
        ResultSet rs = s.executeQuery("SELECT message_store.write_message(gen_random_uuid()::varchar, 'account-1', 'Opened', '{\"a\":1}')");
        rs.next();
        assertThat(rs.getLong(1)).isZero();
        rs = s.executeQuery("SELECT * FROM message_store.get_category_messages('account')");
        assertThat(rs.next()).isTrue();
        assertThat(rs.getString("stream_name")).isEqualTo("account-1");
      }
    }
  }
}

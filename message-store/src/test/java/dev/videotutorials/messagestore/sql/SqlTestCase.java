package dev.videotutorials.messagestore.sql;

import dev.videotutorials.messagestore.testing.TestDatabase;
import java.sql.Connection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/** One fresh database with the store per test class, and one connection per test. */
abstract class SqlTestCase {

  static TestDatabase db;
  Connection c;

  @BeforeAll
  static void createDatabase() {
    db = TestDatabase.withMessageStore();
  }

  @AfterAll
  static void dropDatabase() {
    db.close();
  }

  @BeforeEach
  void connect() throws Exception {
    c = Sql.connect(db);
  }

  @AfterEach
  void disconnect() throws Exception {
    c.close();
  }
}

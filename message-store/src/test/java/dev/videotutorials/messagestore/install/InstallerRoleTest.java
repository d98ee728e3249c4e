package dev.videotutorials.messagestore.install;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.videotutorials.messagestore.ConnectionString;
import dev.videotutorials.messagestore.Databases;
import java.sql.Connection;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** On a server where the role message_store does not exist yet, as a user who may not create roles. */
class InstallerRoleTest {

  private static final String OWNER = "store_owner";
  private static final String PASSWORD = "owner-secret";

  private final PrivateServer server = PrivateServer.get();

  @BeforeEach
  void serverWithoutTheRole() {
    server.reset(Installer.ROLE, OWNER);
    server.execute("CREATE ROLE " + OWNER + " WITH LOGIN CREATEDB PASSWORD '" + PASSWORD + "'");
  }

  @Test
  void aUserWhoMayNotCreateTheRoleIsToldWhatToDoAndNothingIsInstalled() throws Exception {
    String database = server.createDatabase(OWNER);
    ConnectionString owner = server.as(OWNER, PASSWORD, database);

    assertThatThrownBy(() -> new Installer(Databases.unpooled(owner, 10)).install())
        .isInstanceOf(InstallationException.class)
        .hasMessage("The role \"message_store\" does not exist and user \"store_owner\" may not create it"
            + " (needs CREATEROLE or superuser): have an administrator run CREATE ROLE message_store WITH LOGIN;"
            + " then install again");

    try (Connection c = Databases.connect(server.admin(database))) {
      assertThat(StoreRows.all(c, "SELECT to_regnamespace('message_store') IS NULL")).containsExactly("t");
    }
  }

  @Test
  void onceTheRoleExistsTheDatabaseOwnerInstallsWithoutBeingSuperuser() throws Exception {
    String database = server.createDatabase(OWNER);
    server.execute("CREATE ROLE message_store WITH LOGIN");
    ConnectionString owner = server.as(OWNER, PASSWORD, database);

    Installer.Result result = new Installer(Databases.unpooled(owner, 10)).install();

    assertThat(result.freshInstall()).isTrue();
    try (Connection c = Databases.connect(owner)) {
      assertThat(StoreRows.all(c, "SELECT pg_get_userbyid(nspowner) FROM pg_namespace WHERE nspname = 'message_store'"))
          .containsExactly(OWNER);
      assertThat(StoreRows.all(c, "SELECT has_table_privilege('message_store', 'message_store.messages', 'INSERT')"))
          .containsExactly("t");
      assertThat(StoreRows.all(c, "SELECT message_store.write_message(gen_random_uuid()::varchar, 'owned-1', 'Owned', '{}')"))
          .containsExactly("0");
    }
  }
}

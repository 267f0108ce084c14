package app.huberman.adapters.persistence;

/** Bare {@code users} rows for repositories whose rows reference an account. */
public final class TestAccounts {

  private TestAccounts() {}

  /** Deletes every account (and, by cascade, what hangs off them), then stores these ids. */
  public static void only(PostgresTestDatabase database, long... ids) {
    database.execute("DELETE FROM users");
    for (long id : ids) {
      database.execute(
          "INSERT INTO users (id, uuid, name, email, password, role, created_at, updated_at)"
              + " VALUES ("
              + id
              + ", gen_random_uuid(), 'User', 'user"
              + id
              + "@example.com', 'x', 'USER', now(), now())");
    }
  }
}

package app.huberman.bootstrap.e2e.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The database an end-to-end run works in. The application creates it on start; the tests drop it
 * when they are done so runs never see each other's data.
 */
public final class E2eDatabase {

  private E2eDatabase() {}

  public static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }

  public static void drop(String database) throws SQLException {
    execute(
        "postgres",
        "DROP DATABASE IF EXISTS \"" + database.replace("\"", "\"\"") + "\" WITH (FORCE)");
  }

  /** Runs one statement in {@code database}, straight to PostgreSQL (no proxy in between). */
  public static void execute(String database, String sql) throws SQLException {
    try (Connection connection = connect(database);
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  /**
   * Runs one statement in {@code database}: the first column of the first row of a query, or the
   * update count of anything else.
   */
  public static long number(String database, String sql) throws SQLException {
    try (Connection connection = connect(database);
        Statement statement = connection.createStatement()) {
      if (!statement.execute(sql)) {
        return statement.getUpdateCount();
      }
      try (ResultSet row = statement.getResultSet()) {
        row.next();
        return row.getLong(1);
      }
    }
  }

  private static Connection connect(String database) throws SQLException {
    String url =
        "jdbc:postgresql://"
            + env("DB_HOST", "127.0.0.1")
            + ":"
            + env("DB_PORT", "5432")
            + "/"
            + database;
    return DriverManager.getConnection(url, env("DB_USERNAME", "postgres"), env("DB_PASSWORD", ""));
  }
}

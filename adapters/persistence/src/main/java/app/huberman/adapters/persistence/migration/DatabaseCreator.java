package app.huberman.adapters.persistence.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Creates the application's database when the server has none of that name and the login may create
 * databases. A managed database where the login may not is left alone: the migration that follows
 * then says clearly what is missing.
 */
public final class DatabaseCreator {

  private static final Logger LOG = Logger.getLogger(DatabaseCreator.class.getName());
  private static final String INSUFFICIENT_PRIVILEGE = "42501";
  private static final String DUPLICATE_DATABASE = "42P04";

  private DatabaseCreator() {}

  /**
   * @return whether this call created the database
   * @throws SQLException when the server cannot be reached
   */
  public static boolean createIfMissing(PostgresServer server) throws SQLException {
    try (Connection connection = connect(server)) {
      if (exists(connection, server.database())) {
        return false;
      }
      try (Statement statement = connection.createStatement()) {
        statement.execute("CREATE DATABASE " + quoteIdentifier(server.database()));
        LOG.log(Level.INFO, "Created database {0}", server.database());
        return true;
      } catch (SQLException e) {
        if (DUPLICATE_DATABASE.equals(e.getSQLState())) {
          return false; // another instance created it a moment ago
        }
        if (INSUFFICIENT_PRIVILEGE.equals(e.getSQLState())) {
          LOG.log(
              Level.WARNING,
              "Database {0} is missing and {1} may not create it",
              new Object[] {server.database(), server.username()});
          return false;
        }
        throw e;
      }
    }
  }

  /**
   * Uses the driver directly: inside the application server, {@code DriverManager} does not see
   * drivers packaged in the application.
   */
  private static Connection connect(PostgresServer server) throws SQLException {
    Properties login = new Properties();
    login.setProperty("user", server.username());
    login.setProperty("password", server.password());
    Connection connection =
        new org.postgresql.Driver()
            .connect(server.jdbcUrl(PostgresServer.MAINTENANCE_DATABASE), login);
    if (connection == null) {
      throw new SQLException("Not a PostgreSQL URL: " + server, "08001");
    }
    return connection;
  }

  private static boolean exists(Connection connection, String database) throws SQLException {
    try (PreparedStatement query =
        connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
      query.setString(1, database);
      try (ResultSet rows = query.executeQuery()) {
        return rows.next();
      }
    }
  }

  /** Quotes a name for use as an SQL identifier, doubling any embedded quote. */
  static String quoteIdentifier(String name) {
    return '"' + name.replace("\"", "\"\"") + '"';
  }
}

package app.huberman.adapters.persistence.migration;

import java.util.Objects;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Where the application's PostgreSQL database lives and how to log in.
 *
 * @param password may be empty (trust authentication)
 */
public record PostgresServer(
    String host, int port, String database, String username, String password) {

  /** The database every PostgreSQL server has, used to create the application's database. */
  static final String MAINTENANCE_DATABASE = "postgres";

  public PostgresServer {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(database, "database");
    Objects.requireNonNull(username, "username");
    password = password == null ? "" : password;
    if (port < 1 || port > 65_535) {
      throw new IllegalArgumentException("Not a TCP port: " + port);
    }
    if (database.isBlank()) {
      throw new IllegalArgumentException("The database name is empty");
    }
  }

  public String jdbcUrl() {
    return jdbcUrl(database);
  }

  /**
   * An unpooled data source on this database, for one-shot tools such as the operator CLI that run
   * without the application server (whose pool the application uses). Each {@code getConnection}
   * opens a new connection.
   */
  public DataSource simpleDataSource() {
    PGSimpleDataSource dataSource = new PGSimpleDataSource();
    dataSource.setUrl(jdbcUrl());
    dataSource.setUser(username);
    dataSource.setPassword(password);
    dataSource.setApplicationName("huberman-cli");
    return dataSource;
  }

  String jdbcUrl(String databaseName) {
    return "jdbc:postgresql://" + host + ":" + port + "/" + databaseName + "?connectTimeout=5";
  }

  @Override
  public String toString() {
    // Never print the password.
    return "PostgresServer[" + username + "@" + host + ":" + port + "/" + database + "]";
  }
}

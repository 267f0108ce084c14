package app.huberman.bench;

import app.huberman.adapters.persistence.PostgresTestDatabase;
import app.huberman.adapters.persistence.migration.PostgresServer;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import javax.sql.DataSource;

/**
 * A fresh database with the project's migrations, db-scheduler's table and the raw table, and one
 * pool of connections that every contender shares; dropped on close.
 */
final class BenchDatabase implements AutoCloseable {

  private final PostgresTestDatabase database;
  private final HikariDataSource pool;

  private BenchDatabase(PostgresTestDatabase database, HikariDataSource pool) {
    this.database = database;
    this.pool = pool;
  }

  /** A fixed pool of {@code connections}, all opened before the first measurement. */
  static BenchDatabase create(int connections) throws SQLException {
    PostgresTestDatabase database = PostgresTestDatabase.createMigrated("bench");
    try {
      DbScheduler.createTable(database.dataSource());
      RawSqlLoop.createTable(database.dataSource());
      HikariConfig config = new HikariConfig();
      config.setDataSource(database.dataSource());
      config.setPoolName("bench");
      config.setMaximumPoolSize(connections);
      config.setMinimumIdle(connections);
      return new BenchDatabase(database, new HikariDataSource(config));
    } catch (SQLException | RuntimeException e) {
      database.close();
      throw e;
    }
  }

  DataSource pool() {
    return pool;
  }

  PostgresServer server() {
    return database.server();
  }

  String name() {
    return database.server().database();
  }

  /** Reclaims the dead rows of the last phase and refreshes the planner's statistics. */
  void vacuumAnalyze(String table) {
    database.execute("VACUUM (ANALYZE) " + table);
  }

  long count(String table) {
    return queryLong("SELECT count(*) FROM " + table);
  }

  String serverVersion() {
    try (Connection connection = pool.getConnection();
        Statement statement = connection.createStatement();
        ResultSet row = statement.executeQuery("SHOW server_version")) {
      row.next();
      return row.getString(1);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Waits until the table has no row left, checking every millisecond: the last jobs' deletions
   * commit just after their handlers ran.
   */
  void awaitEmpty(String table, long timeout, TimeUnit unit) {
    long deadline = System.nanoTime() + unit.toNanos(timeout);
    try (Connection connection = pool.getConnection();
        Statement statement = connection.createStatement()) {
      while (true) {
        try (ResultSet row =
            statement.executeQuery("SELECT EXISTS (SELECT 1 FROM " + table + ")")) {
          row.next();
          if (!row.getBoolean(1)) {
            return;
          }
        }
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException(table + " is still not empty");
        }
        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private long queryLong(String sql) {
    try (Connection connection = pool.getConnection();
        Statement statement = connection.createStatement();
        ResultSet row = statement.executeQuery(sql)) {
      row.next();
      return row.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() throws SQLException {
    pool.close();
    database.close();
  }
}

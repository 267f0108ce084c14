package app.huberman.adapters.persistence;

import app.huberman.adapters.persistence.migration.DatabaseCreator;
import app.huberman.adapters.persistence.migration.DatabaseMigrator;
import app.huberman.adapters.persistence.migration.PostgresServer;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A database of its own for one test class on the real local PostgreSQL: created fresh, migrated,
 * and dropped on close, so test runs never see each other's rows.
 */
public final class PostgresTestDatabase implements AutoCloseable {

  private final PostgresServer server;
  private final PGSimpleDataSource dataSource;
  private EntityManagerFactory entityManagerFactory;

  private PostgresTestDatabase(PostgresServer server) {
    this.server = server;
    this.dataSource = new PGSimpleDataSource();
    dataSource.setUrl(server.jdbcUrl());
    dataSource.setUser(server.username());
    dataSource.setPassword(server.password());
  }

  /** A new, empty database on the server of the {@code DB_*} variables (or the local defaults). */
  public static PostgresTestDatabase createEmpty(String purpose) throws SQLException {
    String name =
        "huberman_it_"
            + purpose.toLowerCase(Locale.ROOT)
            + "_"
            + UUID.randomUUID().toString().substring(0, 8);
    PostgresTestDatabase database = new PostgresTestDatabase(localServer(name));
    DatabaseCreator.createIfMissing(database.server);
    return database;
  }

  /** A new database with every migration applied. */
  public static PostgresTestDatabase createMigrated(String purpose) throws SQLException {
    PostgresTestDatabase database = createEmpty(purpose);
    DatabaseMigrator.migrate(database.dataSource, PostgresTestDatabase.class.getClassLoader());
    return database;
  }

  public static PostgresServer localServer(String databaseName) {
    return new PostgresServer(
        env("DB_HOST", "127.0.0.1"),
        Integer.parseInt(env("DB_PORT", "5432")),
        databaseName,
        env("DB_USERNAME", "postgres"),
        env("DB_PASSWORD", ""));
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }

  public PostgresServer server() {
    return server;
  }

  public DataSource dataSource() {
    return dataSource;
  }

  /** The production persistence unit, switched to local transactions on this database. */
  public synchronized EntityManagerFactory entityManagerFactory() {
    if (entityManagerFactory == null) {
      entityManagerFactory =
          Persistence.createEntityManagerFactory(
              "huberman",
              Map.of(
                  "jakarta.persistence.transactionType", "RESOURCE_LOCAL",
                  // Replaces the JNDI name of the JTA data source; used as a plain one.
                  "jakarta.persistence.jtaDataSource", dataSource,
                  "hibernate.transaction.jta.platform",
                      "org.hibernate.engine.transaction.jta.platform.internal.NoJtaPlatform"));
    }
    return entityManagerFactory;
  }

  /** Runs work in one committed transaction, as the JTA unit of work does in production. */
  public <T> T inTransaction(Function<EntityManager, T> work) {
    try (EntityManager entityManager = entityManagerFactory().createEntityManager()) {
      entityManager.getTransaction().begin();
      try {
        T result = work.apply(entityManager);
        entityManager.getTransaction().commit();
        return result;
      } finally {
        if (entityManager.getTransaction().isActive()) {
          entityManager.getTransaction().rollback();
        }
      }
    }
  }

  public void execute(String sql) {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The first column of each row the query returns, as text. */
  public List<String> strings(String sql) {
    List<String> rows = new ArrayList<>();
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery(sql)) {
      while (result.next()) {
        rows.add(result.getString(1));
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return rows;
  }

  /**
   * Waits until some statement on this database waits for a lock another transaction holds: the
   * moment a race test lets the first transaction go on.
   */
  public void awaitALockWait() throws InterruptedException {
    Instant giveUp = Instant.now().plus(Duration.ofSeconds(10));
    while (!someoneWaitsForALock()) {
      if (Instant.now().isAfter(giveUp)) {
        throw new AssertionError("No transaction ever waited for another's lock");
      }
      Thread.sleep(20);
    }
  }

  private boolean someoneWaitsForALock() {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement();
        ResultSet row =
            statement.executeQuery(
                "SELECT count(*) FROM pg_stat_activity"
                    + " WHERE datname = current_database() AND wait_event_type = 'Lock'")) {
      row.next();
      return row.getLong(1) > 0;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  public void run(Consumer<EntityManager> work) {
    inTransaction(
        entityManager -> {
          work.accept(entityManager);
          return null;
        });
  }

  @Override
  public void close() throws SQLException {
    if (entityManagerFactory != null) {
      entityManagerFactory.close();
    }
    try (Connection connection =
            DriverManager.getConnection(
                localServer("postgres").jdbcUrl(), server.username(), server.password());
        Statement statement = connection.createStatement()) {
      statement.execute("DROP DATABASE IF EXISTS \"" + server.database() + "\" WITH (FORCE)");
    }
  }
}

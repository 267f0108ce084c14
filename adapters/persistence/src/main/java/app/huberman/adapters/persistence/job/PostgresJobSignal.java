package app.huberman.adapters.persistence.job;

import app.huberman.adapters.persistence.migration.PostgresServer;
import app.huberman.application.job.port.out.JobSignalPort;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Waits for {@code NOTIFY huberman_jobs} on a connection of its own (a pooled one cannot hold a
 * {@code LISTEN}). Used by one thread. When PostgreSQL is unreachable it waits out the timeout and
 * reconnects next time, so workers fall back to polling.
 */
public final class PostgresJobSignal implements JobSignalPort, AutoCloseable {

  private static final Logger LOG = Logger.getLogger(PostgresJobSignal.class.getName());

  private final PostgresServer server;
  private Connection connection;

  public PostgresJobSignal(PostgresServer server) {
    this.server = server;
  }

  @Override
  public boolean awaitWork(Duration timeout) throws InterruptedException {
    try {
      PGConnection listening = listeningConnection();
      PGNotification[] notifications =
          listening.getNotifications((int) Math.max(1, timeout.toMillis()));
      return notifications != null && notifications.length > 0;
    } catch (SQLException e) {
      LOG.log(Level.FINE, "No job notifications for now ({0}); polling", e.getMessage());
      closeQuietly();
      Thread.sleep(timeout.toMillis());
      return false;
    }
  }

  private PGConnection listeningConnection() throws SQLException {
    if (connection == null || connection.isClosed()) {
      Properties login = new Properties();
      login.setProperty("user", server.username());
      login.setProperty("password", server.password());
      login.setProperty("ApplicationName", "huberman-app job listener");
      login.setProperty("tcpKeepAlive", "true");
      connection = new org.postgresql.Driver().connect(server.jdbcUrl(), login);
      if (connection == null) {
        throw new SQLException("Not a PostgreSQL URL: " + server);
      }
      try (Statement listen = connection.createStatement()) {
        listen.execute("LISTEN " + JdbcJobQueue.CHANNEL);
      }
    }
    return connection.unwrap(PGConnection.class);
  }

  private void closeQuietly() {
    if (connection != null) {
      try {
        connection.close();
      } catch (SQLException e) {
        // it is gone either way
      }
      connection = null;
    }
  }

  @Override
  public void close() {
    closeQuietly();
  }
}

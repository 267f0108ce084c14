package app.huberman.adapters.persistence.health;

import app.huberman.application.health.port.out.DependencyProbePort;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Objects;
import javax.sql.DataSource;

/** Runs {@code SELECT 1} on a pooled connection, the same path every request takes. */
@Dependent
public class DatabaseProbe implements DependencyProbePort {

  private final DataSource dataSource;

  @Inject
  public DatabaseProbe(DataSource dataSource) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
  }

  @Override
  public String dependencyName() {
    return "database";
  }

  @Override
  public void probe(Duration timeout) throws SQLException {
    int seconds = (int) Math.max(1, timeout.toSeconds());
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      statement.setQueryTimeout(seconds);
      if (!connection.isValid(seconds)) {
        throw new SQLException("connection is not valid");
      }
      statement.execute("SELECT 1");
    }
  }
}

package app.huberman.adapters.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import javax.sql.DataSource;

/**
 * Statements on the current transaction's connection. Inside JTA, each {@code getConnection} hands
 * out the connection already enlisted in the transaction; closing the handle does not commit. The
 * plain-JDBC adapters on hot paths (job queue, subscriptions, webhook inbox) share it.
 */
public final class Jdbc {

  private final DataSource dataSource;

  public Jdbc(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** A statement's work, which may throw {@link SQLException}. */
  @FunctionalInterface
  public interface StatementWork<T> {
    T apply(PreparedStatement statement) throws SQLException;
  }

  public <T> T withStatement(String sql, StatementWork<T> work) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      return work.apply(statement);
    } catch (SQLException e) {
      throw new StatementFailedException(e);
    }
  }

  public int update(String sql, Object... parameters) {
    return withStatement(
        sql,
        statement -> {
          bind(statement, parameters);
          return statement.executeUpdate();
        });
  }

  /**
   * Binds the parameters in order. An {@link Instant} goes as a {@code timestamptz} in UTC, cut to
   * the microseconds PostgreSQL keeps (the server would round, so a time read back could be later
   * than the one written).
   */
  public static void bind(PreparedStatement statement, Object... parameters) throws SQLException {
    for (int i = 0; i < parameters.length; i++) {
      Object parameter = parameters[i];
      statement.setObject(
          i + 1,
          parameter instanceof Instant instant
              ? OffsetDateTime.ofInstant(instant.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC)
              : parameter);
    }
  }

  /** A {@code timestamptz} column, or null. */
  public static Instant instant(ResultSet row, String column) throws SQLException {
    OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }

  /** A failure of a statement; {@code ConnectionFailures} tells an outage from a bug. */
  public static final class StatementFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    StatementFailedException(SQLException cause) {
      super(cause.getMessage(), cause);
    }
  }
}

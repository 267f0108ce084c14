package app.huberman.adapters.persistence.job;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Statements on the current transaction's connection. Inside JTA, each {@code getConnection} hands
 * out the connection already enlisted in the transaction; closing the handle does not commit.
 */
final class Jdbc {

  private final DataSource dataSource;

  Jdbc(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** A statement's work, which may throw {@link SQLException}. */
  @FunctionalInterface
  interface StatementWork<T> {
    T apply(PreparedStatement statement) throws SQLException;
  }

  <T> T withStatement(String sql, StatementWork<T> work) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      return work.apply(statement);
    } catch (SQLException e) {
      throw new JobStoreException(e);
    }
  }

  int update(String sql, Object... parameters) {
    return withStatement(
        sql,
        statement -> {
          bind(statement, parameters);
          return statement.executeUpdate();
        });
  }

  static void bind(PreparedStatement statement, Object... parameters) throws SQLException {
    for (int i = 0; i < parameters.length; i++) {
      statement.setObject(i + 1, parameters[i]);
    }
  }

  /** A failure of the queue's SQL; {@code ConnectionFailures} tells an outage from a bug. */
  static final class JobStoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    JobStoreException(SQLException cause) {
      super(cause.getMessage(), cause);
    }
  }
}

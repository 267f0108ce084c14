package app.huberman.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class ConnectionFailuresTest {

  @Test
  void aRefusedConnectionDeepInTheChainIsAConnectionFailure() {
    RuntimeException wrapped =
        new RuntimeException(
            "commit failed", new IllegalStateException(new ConnectException("refused")));

    assertThat(ConnectionFailures.isConnectionFailure(wrapped)).isTrue();
  }

  @Test
  void sqlStatesOfTheConnectionClassAreConnectionFailures() {
    assertThat(ConnectionFailures.isConnectionFailure(new SQLException("gone", "08006"))).isTrue();
    assertThat(ConnectionFailures.isConnectionFailure(new SQLException("admin shutdown", "57P01")))
        .isTrue();
  }

  @Test
  void aConstraintViolationIsNot() {
    assertThat(ConnectionFailures.isConnectionFailure(new SQLException("duplicate key", "23505")))
        .isFalse();
    assertThat(ConnectionFailures.isConnectionFailure(new IllegalArgumentException("bug")))
        .isFalse();
  }
}

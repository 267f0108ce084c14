package app.huberman.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.OptimisticLockException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class ConcurrentChangesTest {

  @Test
  void anOptimisticLockFailureOrASerializationFailureIsAConflict() {
    assertThat(
            ConcurrentChanges.isConflict(
                new RuntimeException(new OptimisticLockException("stale"))))
        .isTrue();
    assertThat(ConcurrentChanges.isConflict(new SQLException("could not serialize", "40001")))
        .isTrue();
    assertThat(ConcurrentChanges.isConflict(new SQLException("deadlock detected", "40P01")))
        .isTrue();
  }

  @Test
  void otherFailuresAreNot() {
    assertThat(ConcurrentChanges.isConflict(new SQLException("duplicate key", "23505"))).isFalse();
    assertThat(ConcurrentChanges.isConflict(new IllegalStateException())).isFalse();
  }
}

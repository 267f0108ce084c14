package app.huberman.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

class UniqueViolationsTest {

  @Test
  void findsTheConstraintPostgresqlNamedDeepInTheChain() {
    RuntimeException wrapped =
        new PersistenceException(
            "could not execute statement",
            new IllegalStateException(violationOf("23505", "users_email_lower_key")));

    assertThat(UniqueViolations.isViolationOf(wrapped, "users_email_lower_key")).isTrue();
    assertThat(UniqueViolations.isViolationOf(wrapped, "users_uuid_key")).isFalse();
  }

  @Test
  void readsTheNameFromTheMessageWhenOnlyTheTextIsLeft() {
    SQLException bare =
        new SQLException(
            "ERROR: duplicate key value violates unique constraint \"users_email_lower_key\"",
            "23505");

    assertThat(UniqueViolations.isViolationOf(bare, "users_email_lower_key")).isTrue();
    assertThat(UniqueViolations.isViolationOf(bare, "users_email")).isFalse();
  }

  @Test
  void anotherKindOfViolationIsNot() {
    assertThat(
            UniqueViolations.isViolationOf(
                violationOf("23503", "users_email_lower_key"), "users_email_lower_key"))
        .isFalse();
    assertThat(UniqueViolations.isViolationOf(new IllegalStateException("bug"), "any")).isFalse();
  }

  private static PSQLException violationOf(String sqlState, String constraint) {
    return new PSQLException(
        new ServerErrorMessage("SERROR\0C" + sqlState + "\0Mviolation\0n" + constraint + "\0"));
  }
}

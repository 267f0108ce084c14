package app.huberman.application.user.port.out;

import app.huberman.domain.user.PasswordResetToken;
import java.time.Instant;
import java.util.Optional;

/** Pending password resets, one per (normalized) email. */
public interface PasswordResetTokenRepository {

  /** Stores the reset, replacing any earlier one for the same email. */
  void save(PasswordResetToken token);

  Optional<PasswordResetToken> findByEmail(String normalizedEmail);

  void delete(String normalizedEmail);

  /** Deletes resets created before {@code cutoff}; returns how many. */
  int deleteCreatedBefore(Instant cutoff);
}

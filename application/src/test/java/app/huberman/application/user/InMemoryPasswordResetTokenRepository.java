package app.huberman.application.user;

import app.huberman.application.user.port.out.PasswordResetTokenRepository;
import app.huberman.domain.user.PasswordResetToken;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** A fake {@link PasswordResetTokenRepository} that passes its contract. */
public final class InMemoryPasswordResetTokenRepository implements PasswordResetTokenRepository {

  private final Map<String, PasswordResetToken> resets = new LinkedHashMap<>();

  @Override
  public void save(PasswordResetToken token) {
    resets.put(token.email(), token);
  }

  @Override
  public Optional<PasswordResetToken> findByEmail(String normalizedEmail) {
    return Optional.ofNullable(resets.get(normalizedEmail));
  }

  @Override
  public void delete(String normalizedEmail) {
    resets.remove(normalizedEmail);
  }

  @Override
  public int deleteCreatedBefore(Instant cutoff) {
    int before = resets.size();
    resets.values().removeIf(reset -> reset.createdAt().isBefore(cutoff));
    return before - resets.size();
  }
}

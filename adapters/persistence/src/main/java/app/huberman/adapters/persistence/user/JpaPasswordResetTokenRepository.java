package app.huberman.adapters.persistence.user;

import app.huberman.application.user.port.out.PasswordResetTokenRepository;
import app.huberman.domain.user.PasswordResetToken;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

@Dependent
public class JpaPasswordResetTokenRepository implements PasswordResetTokenRepository {

  private final EntityManager entityManager;

  @Inject
  public JpaPasswordResetTokenRepository(EntityManager entityManager) {
    this.entityManager = Objects.requireNonNull(entityManager, "entityManager");
  }

  /** Merges on the email: updates the pending row if there is one, inserts one otherwise. */
  @Override
  public void save(PasswordResetToken token) {
    entityManager.merge(UserJpaMapper.toRow(token));
  }

  @Override
  public Optional<PasswordResetToken> findByEmail(String normalizedEmail) {
    return Optional.ofNullable(
            entityManager.find(PasswordResetTokenJpaEntity.class, normalizedEmail))
        .map(UserJpaMapper::toDomain);
  }

  @Override
  public void delete(String normalizedEmail) {
    PasswordResetTokenJpaEntity row =
        entityManager.find(PasswordResetTokenJpaEntity.class, normalizedEmail);
    if (row != null) {
      entityManager.remove(row);
    }
  }

  @Override
  public int deleteCreatedBefore(Instant cutoff) {
    return entityManager
        .createQuery("delete from PasswordResetToken r where r.createdAt < :cutoff")
        .setParameter("cutoff", cutoff)
        .executeUpdate();
  }
}

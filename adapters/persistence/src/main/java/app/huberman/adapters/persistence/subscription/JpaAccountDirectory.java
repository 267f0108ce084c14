package app.huberman.adapters.persistence.subscription;

import app.huberman.application.subscription.port.out.AccountDirectoryPort;
import app.huberman.domain.user.Email;
import app.huberman.domain.user.UserId;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Accounts as subscriptions see them: one column of the {@code users} row, never the whole account
 * (its password hash stays where the users context reads it).
 */
@Dependent
public class JpaAccountDirectory implements AccountDirectoryPort {

  private final EntityManager entityManager;

  @Inject
  public JpaAccountDirectory(EntityManager entityManager) {
    this.entityManager = Objects.requireNonNull(entityManager, "entityManager");
  }

  @Override
  public Optional<UserId> idOf(UUID uuid) {
    return entityManager
        .createQuery("select u.id from User u where u.uuid = :uuid", Long.class)
        .setParameter("uuid", uuid)
        .getResultStream()
        .findFirst()
        .map(UserId::of);
  }

  @Override
  public Optional<Email> emailOf(UserId id) {
    return entityManager
        .createQuery("select u.email from User u where u.id = :id", String.class)
        .setParameter("id", id.value())
        .getResultStream()
        .findFirst()
        .map(Email::new);
  }

  @Override
  public Optional<UUID> accountTokenOf(UserId id) {
    return entityManager
        .createQuery("select u.uuid from User u where u.id = :id", UUID.class)
        .setParameter("id", id.value())
        .getResultStream()
        .findFirst();
  }
}

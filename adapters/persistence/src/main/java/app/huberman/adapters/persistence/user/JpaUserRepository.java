package app.huberman.adapters.persistence.user;

import app.huberman.adapters.persistence.UniqueViolations;
import app.huberman.application.user.port.out.DuplicateEmailException;
import app.huberman.application.user.port.out.UserRepository;
import app.huberman.domain.user.Email;
import app.huberman.domain.user.User;
import app.huberman.domain.user.UserId;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import java.util.Objects;
import java.util.Optional;

@Dependent
public class JpaUserRepository implements UserRepository {

  /** The unique index on {@code lower(email)}. */
  static final String EMAIL_KEY = "users_email_lower_key";

  private final EntityManager entityManager;

  @Inject
  public JpaUserRepository(EntityManager entityManager) {
    this.entityManager = Objects.requireNonNull(entityManager, "entityManager");
  }

  @Override
  public UserId nextId() {
    return UserId.of(
        ((Number)
                entityManager.createNativeQuery("SELECT nextval('users_id_seq')").getSingleResult())
            .longValue());
  }

  /** Flushes, so that a taken email is refused here rather than at commit. */
  @Override
  public void add(User user) {
    entityManager.persist(UserJpaMapper.toNewRow(user));
    flushRefusingTakenEmail();
  }

  /**
   * Flushes, so that a taken email is refused here rather than at commit; a change committed by
   * another transaction since this one read the user fails with an {@code OptimisticLockException}.
   *
   * @throws IllegalStateException when the user is not stored
   */
  @Override
  public void update(User user) {
    UserJpaEntity row = entityManager.find(UserJpaEntity.class, user.id().value());
    if (row == null) {
      throw new IllegalStateException("No user with id " + user.id().value() + " is stored");
    }
    UserJpaMapper.copyOnto(row, user);
    flushRefusingTakenEmail();
  }

  @Override
  public Optional<User> findById(UserId id) {
    return Optional.ofNullable(entityManager.find(UserJpaEntity.class, id.value()))
        .map(UserJpaMapper::toDomain);
  }

  /**
   * Lower-cases both sides in PostgreSQL, as {@value #EMAIL_KEY} does: for a few letters (a final
   * sigma, a dotted capital I) Java's {@link Email#normalized()} and PostgreSQL's {@code lower}
   * differ, and the index is what decides which account an address belongs to.
   */
  @Override
  public Optional<User> findByEmail(Email email) {
    return entityManager
        .createQuery(
            "select u from User u where lower(u.email) = lower(:email)", UserJpaEntity.class)
        .setParameter("email", email.value())
        .getResultStream()
        .findFirst()
        .map(UserJpaMapper::toDomain);
  }

  /** Tokens go with the user ({@code ON DELETE CASCADE}). */
  @Override
  public void delete(UserId id) {
    UserJpaEntity row = entityManager.find(UserJpaEntity.class, id.value());
    if (row != null) {
      entityManager.remove(row);
    }
  }

  private void flushRefusingTakenEmail() {
    try {
      entityManager.flush();
    } catch (PersistenceException e) {
      if (UniqueViolations.isViolationOf(e, EMAIL_KEY)) {
        throw new DuplicateEmailException(e);
      }
      throw e;
    }
  }
}

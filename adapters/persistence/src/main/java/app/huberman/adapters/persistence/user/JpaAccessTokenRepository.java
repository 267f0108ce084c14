package app.huberman.adapters.persistence.user;

import app.huberman.application.user.port.out.AccessTokenRepository;
import app.huberman.application.user.port.out.AccessTokenRepository.WithOwner;
import app.huberman.domain.user.AccessToken;
import app.huberman.domain.user.UserId;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

@Dependent
public class JpaAccessTokenRepository implements AccessTokenRepository {

  private final EntityManager entityManager;

  @Inject
  public JpaAccessTokenRepository(EntityManager entityManager) {
    this.entityManager = Objects.requireNonNull(entityManager, "entityManager");
  }

  @Override
  public long nextId() {
    return ((Number)
            entityManager
                .createNativeQuery("SELECT nextval('personal_access_tokens_id_seq')")
                .getSingleResult())
        .longValue();
  }

  /** A token of a user that is not stored fails at flush (foreign key). */
  @Override
  public void add(AccessToken token) {
    entityManager.persist(UserJpaMapper.toNewRow(token));
  }

  @Override
  public Optional<AccessToken> findById(long id) {
    return Optional.ofNullable(entityManager.find(AccessTokenJpaEntity.class, id))
        .map(UserJpaMapper::toDomain);
  }

  @Override
  public Optional<WithOwner> findWithOwner(long id) {
    return entityManager
        .createQuery(
            "select t, u from AccessToken t join User u on u.id = t.userId where t.id = :id",
            Object[].class)
        .setParameter("id", id)
        .getResultStream()
        .findFirst()
        .map(
            row ->
                new WithOwner(
                    UserJpaMapper.toDomain((AccessTokenJpaEntity) row[0]),
                    UserJpaMapper.toDomain((UserJpaEntity) row[1])));
  }

  /** One statement: authentication read the token outside any transaction. */
  @Override
  public void recordUse(long id, Instant at) {
    entityManager
        .createQuery("update AccessToken t set t.lastUsedAt = :at where t.id = :id")
        .setParameter("at", at)
        .setParameter("id", id)
        .executeUpdate();
  }

  @Override
  public void delete(long id) {
    AccessTokenJpaEntity row = entityManager.find(AccessTokenJpaEntity.class, id);
    if (row != null) {
      entityManager.remove(row);
    }
  }

  @Override
  public int deleteAllOf(UserId userId) {
    return entityManager
        .createQuery("delete from AccessToken t where t.userId = :userId")
        .setParameter("userId", userId.value())
        .executeUpdate();
  }

  /** Deletes what {@link AccessToken#isExpiredAt} calls expired: {@code expires_at <= now}. */
  @Override
  public int deleteExpired(Instant now) {
    return entityManager
        .createQuery("delete from AccessToken t where t.expiresAt <= :now")
        .setParameter("now", now)
        .executeUpdate();
  }
}

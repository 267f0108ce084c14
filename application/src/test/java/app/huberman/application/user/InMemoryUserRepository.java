package app.huberman.application.user;

import app.huberman.application.user.port.out.DuplicateEmailException;
import app.huberman.application.user.port.out.UserRepository;
import app.huberman.domain.user.Email;
import app.huberman.domain.user.User;
import app.huberman.domain.user.UserId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A fake {@link UserRepository} that passes {@link UserRepositoryContract}. It keeps copies, as a
 * database does: changing a user changes nothing stored until {@link #update}.
 */
public final class InMemoryUserRepository implements UserRepository {

  private final Map<UserId, User> users = new LinkedHashMap<>();
  private final List<Consumer<UserId>> onDelete = new ArrayList<>();
  private long lastId;

  /** What else goes when a user is deleted, as {@code ON DELETE CASCADE} does for the tokens. */
  void onDelete(Consumer<UserId> cascade) {
    onDelete.add(cascade);
  }

  @Override
  public UserId nextId() {
    return UserId.of(++lastId);
  }

  @Override
  public void add(User user) {
    if (users.containsKey(user.id())) {
      throw new IllegalStateException("A user with id " + user.id().value() + " is stored");
    }
    refuseEmailOfAnother(user);
    users.put(user.id(), copyOf(user));
    lastId = Math.max(lastId, user.id().value());
  }

  @Override
  public void update(User user) {
    if (!users.containsKey(user.id())) {
      throw new IllegalStateException("No user with id " + user.id().value() + " is stored");
    }
    refuseEmailOfAnother(user);
    users.put(user.id(), copyOf(user));
  }

  @Override
  public Optional<User> findById(UserId id) {
    return Optional.ofNullable(users.get(id)).map(InMemoryUserRepository::copyOf);
  }

  @Override
  public Optional<User> findByEmail(Email email) {
    return users.values().stream()
        .filter(user -> user.email().normalized().equals(email.normalized()))
        .findFirst()
        .map(InMemoryUserRepository::copyOf);
  }

  @Override
  public void delete(UserId id) {
    if (users.remove(id) != null) {
      onDelete.forEach(cascade -> cascade.accept(id));
    }
  }

  private void refuseEmailOfAnother(User user) {
    Optional<User> owner = findByEmail(user.email());
    if (owner.isPresent() && !owner.get().id().equals(user.id())) {
      throw new DuplicateEmailException(null);
    }
  }

  private static User copyOf(User user) {
    return User.rehydrate(user.state());
  }
}

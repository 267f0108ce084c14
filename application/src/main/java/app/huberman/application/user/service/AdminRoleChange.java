package app.huberman.application.user.service;

import app.huberman.application.shared.port.out.UnitOfWorkPort;
import app.huberman.application.user.port.out.UserRepository;
import app.huberman.domain.user.Email;
import app.huberman.domain.user.User;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * The one transaction both admin role changes share: find the account by email, change its role,
 * save it, and record the change once it is committed. Asking again for the role an account has
 * changes nothing and is recorded again (the operator asked).
 */
final class AdminRoleChange {

  private final UserRepository users;
  private final UnitOfWorkPort unitOfWork;
  private final Clock clock;
  private final BiConsumer<User, Instant> change;
  private final Consumer<User> record;

  AdminRoleChange(
      UserRepository users,
      UnitOfWorkPort unitOfWork,
      Clock clock,
      BiConsumer<User, Instant> change,
      Consumer<User> record) {
    this.users = Objects.requireNonNull(users, "users");
    this.unitOfWork = Objects.requireNonNull(unitOfWork, "unitOfWork");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.change = change;
    this.record = record;
  }

  boolean apply(String email) {
    if (!Email.isValid(email)) {
      return false;
    }
    Optional<User> changed =
        unitOfWork.atomically(
            () -> {
              Optional<User> user = users.findByEmail(Email.of(email));
              user.ifPresent(
                  found -> {
                    change.accept(found, clock.instant());
                    users.update(found);
                  });
              return user;
            });
    changed.ifPresent(record);
    return changed.isPresent();
  }
}

package app.huberman.application.user.port.out;

import app.huberman.domain.user.Email;
import app.huberman.domain.user.User;
import app.huberman.domain.user.UserId;
import java.util.Optional;

/** The store of accounts. Emails are unique regardless of case. */
public interface UserRepository {

  /** An id for a user about to be added. */
  UserId nextId();

  /**
   * @throws DuplicateEmailException when another account has this email, in any case
   */
  void add(User user);

  /**
   * @throws DuplicateEmailException when another account has the new email, in any case
   */
  void update(User user);

  Optional<User> findById(UserId id);

  /** Looks up by {@link Email#normalized()}. */
  Optional<User> findByEmail(Email email);

  /** Deletes the account; its tokens and personal data go with it. */
  void delete(UserId id);
}

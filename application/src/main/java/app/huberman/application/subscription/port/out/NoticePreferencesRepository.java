package app.huberman.application.subscription.port.out;

import app.huberman.domain.subscription.NoticePreferences;
import app.huberman.domain.user.UserId;
import java.util.Optional;

/** Users' notice preferences; none stored means everything on. Gone with the account. */
public interface NoticePreferencesRepository {

  Optional<NoticePreferences> find(UserId user);

  /**
   * The user's preferences, locked until the transaction ends so that concurrent changes apply one
   * after the other; the defaults, stored, for a user who has none yet. Runs in a transaction.
   */
  NoticePreferences lock(UserId user);

  /** Replaces the user's stored preferences. Runs in the transaction that locked them. */
  void save(UserId user, NoticePreferences preferences);
}

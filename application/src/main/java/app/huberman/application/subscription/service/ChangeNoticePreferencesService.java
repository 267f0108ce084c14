package app.huberman.application.subscription.service;

import app.huberman.application.shared.port.out.UnitOfWorkPort;
import app.huberman.application.subscription.port.in.ChangeNoticePreferencesUseCase;
import app.huberman.application.subscription.port.out.NoticePreferencesRepository;
import app.huberman.domain.subscription.NoticePreferences;
import app.huberman.domain.user.UserId;
import java.util.Objects;

/**
 * Sets the switches a user names and keeps the others, under the row's lock: two changes at once
 * (the app on two devices) both take effect.
 */
public final class ChangeNoticePreferencesService implements ChangeNoticePreferencesUseCase {

  private final NoticePreferencesRepository preferences;
  private final UnitOfWorkPort unitOfWork;

  public ChangeNoticePreferencesService(
      NoticePreferencesRepository preferences, UnitOfWorkPort unitOfWork) {
    this.preferences = Objects.requireNonNull(preferences, "preferences");
    this.unitOfWork = Objects.requireNonNull(unitOfWork, "unitOfWork");
  }

  @Override
  public NoticePreferences change(UserId user, Change change) {
    return unitOfWork.atomically(
        () -> {
          NoticePreferences current = preferences.lock(user);
          NoticePreferences changed = current;
          for (var channel : change.channels().entrySet()) {
            changed = changed.withChannel(channel.getKey(), channel.getValue());
          }
          for (var kind : change.kinds().entrySet()) {
            changed =
                changed.withKind(kind.getKey().kind(), kind.getKey().channel(), kind.getValue());
          }
          if (!changed.equals(current)) {
            preferences.save(user, changed);
          }
          return changed;
        });
  }
}

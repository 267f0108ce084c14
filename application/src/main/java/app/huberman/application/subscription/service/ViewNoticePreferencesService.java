package app.huberman.application.subscription.service;

import app.huberman.application.shared.port.out.UnitOfWorkPort;
import app.huberman.application.subscription.port.in.ViewNoticePreferencesUseCase;
import app.huberman.application.subscription.port.out.NoticePreferencesRepository;
import app.huberman.domain.subscription.NoticePreferences;
import app.huberman.domain.user.UserId;
import java.util.Objects;

/** Reads a user's notice preferences. */
public final class ViewNoticePreferencesService implements ViewNoticePreferencesUseCase {

  private final NoticePreferencesRepository preferences;
  private final UnitOfWorkPort unitOfWork;

  public ViewNoticePreferencesService(
      NoticePreferencesRepository preferences, UnitOfWorkPort unitOfWork) {
    this.preferences = Objects.requireNonNull(preferences, "preferences");
    this.unitOfWork = Objects.requireNonNull(unitOfWork, "unitOfWork");
  }

  @Override
  public NoticePreferences preferencesOf(UserId user) {
    return unitOfWork.readOnly(() -> preferences.find(user)).orElse(NoticePreferences.DEFAULTS);
  }
}

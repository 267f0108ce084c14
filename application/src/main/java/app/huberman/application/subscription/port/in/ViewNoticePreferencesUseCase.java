package app.huberman.application.subscription.port.in;

import app.huberman.domain.subscription.NoticePreferences;
import app.huberman.domain.user.UserId;

/** Which notices about their subscription a user wants, and by which channels. */
public interface ViewNoticePreferencesUseCase {

  /** The user's preferences; everything on for a user who never changed them. */
  NoticePreferences preferencesOf(UserId user);
}

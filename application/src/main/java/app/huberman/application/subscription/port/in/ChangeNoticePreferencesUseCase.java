package app.huberman.application.subscription.port.in;

import app.huberman.domain.subscription.NoticeChannel;
import app.huberman.domain.subscription.NoticePreferences;
import app.huberman.domain.subscription.NoticePreferences.Choice;
import app.huberman.domain.user.UserId;
import java.util.Map;

/** A user turns notices on or off, per channel and per kind and channel. */
public interface ChangeNoticePreferencesUseCase {

  /**
   * The switches to set; the ones not named keep their value.
   *
   * @param channels the channels' own switches
   * @param kinds the switches of kinds by channel
   */
  record Change(Map<NoticeChannel, Boolean> channels, Map<Choice, Boolean> kinds) {

    public Change {
      channels = Map.copyOf(channels);
      kinds = Map.copyOf(kinds);
    }
  }

  /**
   * @return the preferences as they are now
   */
  NoticePreferences change(UserId user, Change change);
}

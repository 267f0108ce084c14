package app.huberman.domain.subscription;

import static app.huberman.domain.subscription.NoticeChannel.EMAIL;
import static app.huberman.domain.subscription.NoticeChannel.PUSH;
import static app.huberman.domain.subscription.NoticeKind.PAYMENT_PROBLEM;
import static app.huberman.domain.subscription.NoticeKind.PREMIUM_ENDING;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NoticePreferencesTest {

  @Test
  void everythingIsOnByDefault() {
    for (NoticeKind kind : NoticeKind.values()) {
      for (NoticeChannel channel : NoticeChannel.values()) {
        assertThat(NoticePreferences.DEFAULTS.allows(kind, channel)).isTrue();
      }
    }
  }

  @Test
  void aChannelSwitchedOffCarriesNoKind() {
    NoticePreferences prefs = NoticePreferences.DEFAULTS.withChannel(PUSH, false);

    assertThat(prefs.allows(PAYMENT_PROBLEM, PUSH)).isFalse();
    assertThat(prefs.allows(PAYMENT_PROBLEM, EMAIL)).isTrue();
    assertThat(prefs.kindOn(PAYMENT_PROBLEM, PUSH)).as("the kind's own switch is kept").isTrue();
  }

  @Test
  void aKindSwitchedOffForOneChannelStillGoesByTheOther() {
    NoticePreferences prefs = NoticePreferences.DEFAULTS.withKind(PREMIUM_ENDING, EMAIL, false);

    assertThat(prefs.allows(PREMIUM_ENDING, EMAIL)).isFalse();
    assertThat(prefs.allows(PREMIUM_ENDING, PUSH)).isTrue();
    assertThat(prefs.allows(PAYMENT_PROBLEM, EMAIL)).isTrue();
  }

  @Test
  void switchingBackOnRestoresTheDefaults() {
    NoticePreferences prefs =
        NoticePreferences.DEFAULTS
            .withChannel(EMAIL, false)
            .withKind(PAYMENT_PROBLEM, PUSH, false)
            .withChannel(EMAIL, true)
            .withKind(PAYMENT_PROBLEM, PUSH, true);

    assertThat(prefs).isEqualTo(NoticePreferences.DEFAULTS);
  }

  @Test
  void kindsAndChannelsHaveStableKeys() {
    assertThat(NoticeKind.fromKey("payment_problem")).contains(PAYMENT_PROBLEM);
    assertThat(NoticeKind.fromKey("PAYMENT_PROBLEM")).isEmpty();
    assertThat(NoticeChannel.fromKey("push")).contains(PUSH);
    assertThat(NoticeChannel.fromKey("sms")).isEmpty();
  }
}

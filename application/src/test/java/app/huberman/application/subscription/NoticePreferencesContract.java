package app.huberman.application.subscription;

import static app.huberman.domain.subscription.NoticeChannel.EMAIL;
import static app.huberman.domain.subscription.NoticeChannel.PUSH;
import static app.huberman.domain.subscription.NoticeKind.PAYMENT_PROBLEM;
import static app.huberman.domain.subscription.NoticeKind.PREMIUM_ENDED;
import static org.assertj.core.api.Assertions.assertThat;

import app.huberman.application.shared.port.out.UnitOfWorkPort;
import app.huberman.application.subscription.port.out.NoticePreferencesRepository;
import app.huberman.domain.subscription.NoticePreferences;
import app.huberman.domain.user.UserId;
import org.junit.jupiter.api.Test;

/**
 * What every {@link NoticePreferencesRepository} must do; the fake and the JDBC adapter extend it.
 */
public abstract class NoticePreferencesContract {

  /** A repository where accounts 11 and 12 exist and have stored no preferences. */
  protected abstract NoticePreferencesRepository repository();

  protected abstract UnitOfWorkPort transactions();

  private final UserId ada = UserId.of(11);
  private final UserId bob = UserId.of(12);

  @Test
  void noneAreStoredUntilTheUserChangesThem() {
    assertThat(repository().find(ada)).isEmpty();
  }

  @Test
  void lockingStoresTheDefaultsAndSavingReplacesThem() {
    NoticePreferencesRepository preferences = repository();
    NoticePreferences changed =
        NoticePreferences.DEFAULTS.withChannel(PUSH, false).withKind(PREMIUM_ENDED, EMAIL, false);

    NoticePreferences locked = transactions().atomically(() -> preferences.lock(ada));
    transactions()
        .atomically(
            () -> {
              preferences.lock(ada);
              preferences.save(ada, changed);
              return null;
            });

    assertThat(locked).isEqualTo(NoticePreferences.DEFAULTS);
    assertThat(preferences.find(ada)).contains(changed);
    assertThat(preferences.find(bob)).isEmpty();
  }

  @Test
  void everyChoiceRoundTrips() {
    NoticePreferencesRepository preferences = repository();
    NoticePreferences allOff = NoticePreferences.DEFAULTS;
    for (var kind : app.huberman.domain.subscription.NoticeKind.values()) {
      for (var channel : app.huberman.domain.subscription.NoticeChannel.values()) {
        allOff = allOff.withKind(kind, channel, false).withChannel(channel, false);
      }
    }
    NoticePreferences stored = allOff;

    transactions()
        .atomically(
            () -> {
              preferences.lock(bob);
              preferences.save(bob, stored);
              return null;
            });

    assertThat(preferences.find(bob)).contains(stored);
    assertThat(preferences.find(bob).orElseThrow().allows(PAYMENT_PROBLEM, EMAIL)).isFalse();
  }
}

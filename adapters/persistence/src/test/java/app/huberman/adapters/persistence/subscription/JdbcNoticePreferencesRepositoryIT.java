package app.huberman.adapters.persistence.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import app.huberman.adapters.persistence.MigratedDatabase;
import app.huberman.adapters.persistence.TestAccounts;
import app.huberman.application.shared.port.out.UnitOfWorkPort;
import app.huberman.application.subscription.NoticePreferencesContract;
import app.huberman.application.subscription.port.out.NoticePreferencesRepository;
import app.huberman.domain.subscription.NoticeChannel;
import app.huberman.domain.subscription.NoticeKind;
import app.huberman.domain.user.UserId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class JdbcNoticePreferencesRepositoryIT extends NoticePreferencesContract {

  @RegisterExtension static final MigratedDatabase DB = new MigratedDatabase("notice_preferences");

  @Override
  protected NoticePreferencesRepository repository() {
    TestAccounts.only(DB.database(), 11, 12);
    return new JdbcNoticePreferencesRepository(DB.transactions().dataSource());
  }

  @Override
  protected UnitOfWorkPort transactions() {
    return DB.transactions();
  }

  @Test
  void keysANewerBuildWroteAreIgnored() {
    NoticePreferencesRepository preferences = repository();
    DB.database()
        .execute(
            "INSERT INTO notice_preferences (user_id, channels_off, choices_off, updated_at)"
                + " VALUES (11, '{sms,push}', '{premium_ended:email,trial_ending:email,odd}', now())");

    var read = preferences.find(UserId.of(11)).orElseThrow();

    assertThat(read.channelOn(NoticeChannel.PUSH)).isFalse();
    assertThat(read.channelOn(NoticeChannel.EMAIL)).isTrue();
    assertThat(read.kindOn(NoticeKind.PREMIUM_ENDED, NoticeChannel.EMAIL)).isFalse();
    assertThat(read.choicesOff()).hasSize(1);
  }

  @Test
  void thePreferencesGoWithTheAccount() {
    NoticePreferencesRepository preferences = repository();
    transactions().atomically(() -> preferences.lock(UserId.of(11)));

    DB.database().execute("DELETE FROM users WHERE id = 11");

    assertThat(preferences.find(UserId.of(11))).isEmpty();
  }
}

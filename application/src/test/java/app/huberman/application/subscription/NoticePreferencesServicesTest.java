package app.huberman.application.subscription;

import static app.huberman.domain.subscription.NoticeChannel.EMAIL;
import static app.huberman.domain.subscription.NoticeChannel.PUSH;
import static app.huberman.domain.subscription.NoticeKind.PAYMENT_PROBLEM;
import static app.huberman.domain.subscription.NoticeKind.PREMIUM_ENDING;
import static org.assertj.core.api.Assertions.assertThat;

import app.huberman.application.shared.DirectUnitOfWork;
import app.huberman.application.subscription.port.in.ChangeNoticePreferencesUseCase.Change;
import app.huberman.application.subscription.service.ChangeNoticePreferencesService;
import app.huberman.application.subscription.service.ViewNoticePreferencesService;
import app.huberman.domain.subscription.NoticePreferences;
import app.huberman.domain.subscription.NoticePreferences.Choice;
import app.huberman.domain.user.UserId;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NoticePreferencesServicesTest {

  private final UserId ada = UserId.of(1);
  private final UserId bob = UserId.of(2);
  private final InMemoryNoticePreferences stored = new InMemoryNoticePreferences();
  private final DirectUnitOfWork unitOfWork = new DirectUnitOfWork();
  private final ViewNoticePreferencesService view =
      new ViewNoticePreferencesService(stored, unitOfWork);
  private final ChangeNoticePreferencesService change =
      new ChangeNoticePreferencesService(stored, unitOfWork);

  @Test
  void aUserWhoChangedNothingHasEverythingOn() {
    assertThat(view.preferencesOf(ada)).isEqualTo(NoticePreferences.DEFAULTS);
  }

  @Test
  void aChangeSetsWhatItNamesAndKeepsTheRest() {
    change.change(
        ada, new Change(Map.of(PUSH, false), Map.of(new Choice(PREMIUM_ENDING, EMAIL), false)));

    NoticePreferences after =
        change.change(ada, new Change(Map.of(), Map.of(new Choice(PAYMENT_PROBLEM, EMAIL), false)));

    assertThat(after.channelOn(PUSH)).isFalse();
    assertThat(after.allows(PREMIUM_ENDING, EMAIL)).isFalse();
    assertThat(after.allows(PAYMENT_PROBLEM, EMAIL)).isFalse();
    assertThat(view.preferencesOf(ada)).isEqualTo(after);
    assertThat(view.preferencesOf(bob)).isEqualTo(NoticePreferences.DEFAULTS);
  }

  @Test
  void anEmptyChangeChangesNothing() {
    assertThat(change.change(ada, new Change(Map.of(), Map.of())))
        .isEqualTo(NoticePreferences.DEFAULTS);
    assertThat(unitOfWork.transactions()).isEqualTo(1);
  }
}

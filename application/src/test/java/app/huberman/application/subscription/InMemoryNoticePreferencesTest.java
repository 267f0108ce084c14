package app.huberman.application.subscription;

import app.huberman.application.shared.DirectUnitOfWork;
import app.huberman.application.shared.port.out.UnitOfWorkPort;
import app.huberman.application.subscription.port.out.NoticePreferencesRepository;

class InMemoryNoticePreferencesTest extends NoticePreferencesContract {

  @Override
  protected NoticePreferencesRepository repository() {
    return new InMemoryNoticePreferences();
  }

  @Override
  protected UnitOfWorkPort transactions() {
    return new DirectUnitOfWork();
  }
}

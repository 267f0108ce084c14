package app.huberman.application.subscription;

import app.huberman.application.subscription.port.out.AccountDirectoryPort;
import app.huberman.domain.user.User;

class InMemoryAccountDirectoryTest extends AccountDirectoryContract {

  @Override
  protected AccountDirectoryPort directoryOf(User... accounts) {
    return new InMemoryAccountDirectory().add(accounts);
  }
}

package app.huberman.application.user;

import app.huberman.application.user.port.out.UserRepository;

class InMemoryUserRepositoryTest extends UserRepositoryContract {

  @Override
  protected UserRepository emptyRepository() {
    return new InMemoryUserRepository();
  }
}

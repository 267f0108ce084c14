package app.huberman.application.user;

import app.huberman.application.user.port.out.PasswordResetTokenRepository;

class InMemoryPasswordResetTokenRepositoryTest extends PasswordResetTokenRepositoryContract {

  @Override
  protected PasswordResetTokenRepository emptyRepository() {
    return new InMemoryPasswordResetTokenRepository();
  }
}

package app.huberman.application.user;

class InMemoryAccessTokenRepositoryTest extends AccessTokenRepositoryContract {

  @Override
  protected Stores emptyStores() {
    InMemoryUserRepository users = new InMemoryUserRepository();
    return new Stores(users, InMemoryAccessTokenRepository.of(users));
  }
}

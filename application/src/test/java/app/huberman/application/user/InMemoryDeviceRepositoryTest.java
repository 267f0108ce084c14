package app.huberman.application.user;

class InMemoryDeviceRepositoryTest extends DeviceRepositoryContract {

  @Override
  protected Stores emptyStores() {
    InMemoryUserRepository users = new InMemoryUserRepository();
    return new Stores(users, InMemoryDeviceRepository.of(users));
  }
}

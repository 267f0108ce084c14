package app.huberman.application.subscription;

import app.huberman.application.subscription.port.out.AccountDirectoryPort;
import app.huberman.domain.user.Email;
import app.huberman.domain.user.User;
import app.huberman.domain.user.UserId;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** A fake {@link AccountDirectoryPort} that passes {@link AccountDirectoryContract}. */
public final class InMemoryAccountDirectory implements AccountDirectoryPort {

  private final Map<UUID, UserId> ids = new HashMap<>();
  private final Map<UserId, Email> emails = new HashMap<>();

  /** Knows the account as it is now; a later change of the user is not seen. */
  public InMemoryAccountDirectory add(User... accounts) {
    for (User account : accounts) {
      ids.put(account.uuid(), account.id());
      emails.put(account.id(), account.email());
    }
    return this;
  }

  /** The account was deleted. */
  public void remove(UserId id) {
    ids.values().remove(id);
    emails.remove(id);
  }

  @Override
  public Optional<UserId> idOf(UUID uuid) {
    return Optional.ofNullable(ids.get(uuid));
  }

  @Override
  public Optional<Email> emailOf(UserId id) {
    return Optional.ofNullable(emails.get(id));
  }

  @Override
  public Optional<UUID> accountTokenOf(UserId id) {
    return ids.entrySet().stream()
        .filter(entry -> entry.getValue().equals(id))
        .map(Map.Entry::getKey)
        .findFirst();
  }
}

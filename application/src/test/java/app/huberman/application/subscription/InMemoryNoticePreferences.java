package app.huberman.application.subscription;

import app.huberman.application.subscription.port.out.NoticePreferencesRepository;
import app.huberman.domain.subscription.NoticePreferences;
import app.huberman.domain.user.UserId;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A fake {@link NoticePreferencesRepository} that passes {@link NoticePreferencesContract}. */
public final class InMemoryNoticePreferences implements NoticePreferencesRepository {

  private final Map<UserId, NoticePreferences> stored = new ConcurrentHashMap<>();

  @Override
  public Optional<NoticePreferences> find(UserId user) {
    return Optional.ofNullable(stored.get(user));
  }

  @Override
  public NoticePreferences lock(UserId user) {
    return stored.computeIfAbsent(user, none -> NoticePreferences.DEFAULTS);
  }

  @Override
  public void save(UserId user, NoticePreferences preferences) {
    stored.put(user, preferences);
  }
}

package app.huberman.application.subscription;

import app.huberman.application.subscription.port.out.PushMessage;
import app.huberman.application.subscription.port.out.PushResult;
import app.huberman.application.subscription.port.out.PushSenderPort;
import app.huberman.domain.user.DevicePlatform;
import app.huberman.domain.user.DeviceToken;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Push services that accept every push, unless a test scripted other answers for a token. It
 * records what was pushed, as {@code "<platform> <token> <kind> <provider>"}.
 */
public final class FakePushSender implements PushSenderPort {

  public final List<String> pushed = new ArrayList<>();
  private final Set<DevicePlatform> configured;
  private final Map<String, Deque<PushResult>> scripted = new HashMap<>();

  /** With every platform's service configured. */
  public FakePushSender() {
    this(EnumSet.allOf(DevicePlatform.class));
  }

  public FakePushSender(Set<DevicePlatform> configured) {
    this.configured = EnumSet.copyOf(configured);
  }

  /** The next pushes to this token get these answers, in order; then it accepts again. */
  public synchronized FakePushSender answer(String token, PushResult... results) {
    scripted.computeIfAbsent(token, t -> new ArrayDeque<>()).addAll(List.of(results));
    return this;
  }

  @Override
  public boolean reaches(DevicePlatform platform) {
    return configured.contains(platform);
  }

  @Override
  public synchronized PushResult push(
      DevicePlatform platform, DeviceToken token, PushMessage message) {
    if (!reaches(platform)) {
      throw new IllegalStateException("No push service for " + platform);
    }
    String service = platform == DevicePlatform.IOS ? "apns" : "fcm";
    PushResult result =
        scripted.getOrDefault(token.value(), new ArrayDeque<>()).pollFirst() instanceof PushResult r
            ? r
            : PushResult.accepted(service);
    if (result.outcome() == PushResult.Outcome.ACCEPTED) {
      pushed.add(
          platform.wireName()
              + " "
              + token.value()
              + " "
              + message.kind().key()
              + " "
              + message.provider().key());
    }
    return result;
  }
}

package app.huberman.adapters.push.services;

import app.huberman.adapters.push.apns.ApnsPush;
import app.huberman.adapters.push.fcm.FcmPush;
import app.huberman.application.subscription.port.out.PushMessage;
import app.huberman.application.subscription.port.out.PushResult;
import app.huberman.application.subscription.port.out.PushSenderPort;
import app.huberman.domain.user.DevicePlatform;
import app.huberman.domain.user.DeviceToken;
import java.util.Objects;
import java.util.Optional;

/**
 * The push services that are configured, by platform: APNs for iOS, FCM for Android and the web
 * (FCM delivers to browsers too).
 */
public final class PushServices implements PushSenderPort, AutoCloseable {

  private final Optional<ApnsPush> apns;
  private final Optional<FcmPush> fcm;

  public PushServices(Optional<ApnsPush> apns, Optional<FcmPush> fcm) {
    this.apns = Objects.requireNonNull(apns, "apns");
    this.fcm = Objects.requireNonNull(fcm, "fcm");
  }

  @Override
  public boolean reaches(DevicePlatform platform) {
    return switch (platform) {
      case IOS -> apns.isPresent();
      case ANDROID, WEB -> fcm.isPresent();
    };
  }

  @Override
  public PushResult push(DevicePlatform platform, DeviceToken token, PushMessage message) {
    return switch (platform) {
      case IOS -> apns.orElseThrow(() -> unconfigured(platform)).push(token, message);
      case ANDROID, WEB -> fcm.orElseThrow(() -> unconfigured(platform)).push(token, message);
    };
  }

  @Override
  public void close() {
    apns.ifPresent(ApnsPush::close);
  }

  private static IllegalStateException unconfigured(DevicePlatform platform) {
    return new IllegalStateException("No push service is configured for " + platform.wireName());
  }
}

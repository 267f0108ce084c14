package app.huberman.application.subscription.port.out;

import app.huberman.domain.user.DevicePlatform;
import app.huberman.domain.user.DeviceToken;

/**
 * Pushes a notice to one device through the service of its platform: APNs for iOS, FCM for Android
 * and the web. A service that is not configured reaches nobody.
 */
public interface PushSenderPort {

  /** Whether a push service is configured for the platform. */
  boolean reaches(DevicePlatform platform);

  /**
   * One push, one answer. Never throws for what the service answered or for not reaching it: that
   * is in the result.
   *
   * @throws IllegalStateException when no service is configured for the platform
   */
  PushResult push(DevicePlatform platform, DeviceToken token, PushMessage message);
}

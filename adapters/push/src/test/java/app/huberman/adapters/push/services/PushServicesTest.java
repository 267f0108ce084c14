package app.huberman.adapters.push.services;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.huberman.adapters.push.fcm.FakeFcm;
import app.huberman.adapters.push.fcm.FcmAccessTokens;
import app.huberman.adapters.push.fcm.FcmPush;
import app.huberman.application.subscription.port.out.PushMessage;
import app.huberman.application.subscription.port.out.PushResult;
import app.huberman.domain.subscription.NoticeKind;
import app.huberman.domain.subscription.PaymentProvider;
import app.huberman.domain.user.DevicePlatform;
import app.huberman.domain.user.DeviceToken;
import java.time.Clock;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PushServicesTest {

  private static final PushMessage ENDED =
      new PushMessage(1, NoticeKind.PREMIUM_ENDED, PaymentProvider.STRIPE, Optional.empty());

  @Test
  void androidAndTheWebGoThroughFcmAndIosNowhereWithoutApns() {
    try (FakeFcm fcm = FakeFcm.start();
        PushServices services =
            new PushServices(
                Optional.empty(),
                Optional.of(FcmPush.create(fcm.settings(), new FixedToken(), Clock.systemUTC())))) {

      assertThat(services.reaches(DevicePlatform.ANDROID)).isTrue();
      assertThat(services.reaches(DevicePlatform.WEB)).isTrue();
      assertThat(services.reaches(DevicePlatform.IOS)).isFalse();
      assertThat(services.push(DevicePlatform.WEB, DeviceToken.of("web-token"), ENDED))
          .isEqualTo(PushResult.accepted("fcm"));
      assertThat(fcm.pushesTo("web-token")).hasSize(1);
      assertThatThrownBy(
              () -> services.push(DevicePlatform.IOS, DeviceToken.of("a".repeat(64)), ENDED))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("ios");
    }
  }

  private static final class FixedToken implements FcmAccessTokens {
    @Override
    public String token() {
      return "access";
    }

    @Override
    public void invalidate() {}
  }
}

package app.huberman.domain.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class DeviceTest {

  private static final Instant T0 = Instant.parse("2026-11-01T10:00:00Z");
  private static final UserId JANE = UserId.of(7);
  private static final String APNS = "a1b2c3d4".repeat(8);

  private static Device phone(long id, Instant at) {
    return Device.register(
        DeviceId.of(id),
        JANE,
        DeviceToken.of("token-" + id),
        DevicePlatform.IOS,
        Optional.of("Jane's iPhone"),
        at);
  }

  @Test
  void registersWithAStrippedNameAndBothTimesNow() {
    Device device =
        Device.register(
            DeviceId.of(1),
            JANE,
            DeviceToken.of("  " + APNS + "\t"),
            DevicePlatform.IOS,
            Optional.of("  Jane's iPhone "),
            T0);

    assertThat(device.token().value()).isEqualTo(APNS);
    assertThat(device.name()).contains("Jane's iPhone");
    assertThat(device.createdAt()).isEqualTo(T0).isEqualTo(device.lastRegisteredAt());
    assertThat(device.isOwnedBy(JANE)).isTrue();
    assertThat(device.isOwnedBy(UserId.of(8))).isFalse();
  }

  @Test
  void aBlankNameIsNoName() {
    Device device =
        Device.register(
            DeviceId.of(1), JANE, DeviceToken.of(APNS), DevicePlatform.WEB, Optional.of("  "), T0);

    assertThat(device.name()).isEmpty();
  }

  @Test
  void registeringAgainTakesThePlatformAndNameOfNowAndKeepsTheCreationTime() {
    Device device = phone(1, T0);
    Instant later = T0.plusSeconds(3600);

    device.registerAgain(DevicePlatform.ANDROID, Optional.empty(), later);

    assertThat(device.platform()).isEqualTo(DevicePlatform.ANDROID);
    assertThat(device.name()).isEmpty();
    assertThat(device.createdAt()).isEqualTo(T0);
    assertThat(device.lastRegisteredAt()).isEqualTo(later);
  }

  @Test
  void acceptsTokensOfEveryPlatformAndRefusesEmptyLongOrControlCharacters() {
    String fcm = "dGhpcyBpcyBub3QgYSByZWFs:APA91b" + "H".repeat(140);
    String webPush =
        "{\"endpoint\":\"https://fcm.googleapis.com/fcm/send/abc\",\"keys\":{\"p256dh\":\"BN"
            + "x".repeat(85)
            + "\",\"auth\":\"tBHItJI5svbpez7KI4CCXg\"}}";

    assertThat(List.of(APNS, fcm, webPush, "x".repeat(4096), "ünïcødé 😀"))
        .allMatch(DeviceToken::isValid);
    assertThat(
            Arrays.asList(
                null,
                "",
                "   ",
                "x".repeat(4097),
                "a\u0000b",
                "a\nb",
                "a\u007fb",
                "\ud800",
                "a\udc00b"))
        .noneMatch(DeviceToken::isValid);
    assertThatThrownBy(() -> DeviceToken.of("a\u0000b"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new DeviceToken(" padded "))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void showsOnlyTheLastEightCharactersOfATokenAndNeverTheTokenItself() {
    DeviceToken token = DeviceToken.of(APNS);

    assertThat(token.suffix()).isEqualTo("a1b2c3d4");
    assertThat(DeviceToken.of("short").suffix()).isEqualTo("short");
    assertThat(token.toString()).doesNotContain(APNS).doesNotContain("a1b2c3d4");
  }

  @Test
  void aNameIsAtMost255PrintableCharacters() {
    assertThat(Device.isValidName(null)).isTrue();
    assertThat(Device.isValidName("")).isTrue();
    assertThat(Device.isValidName(" " + "n".repeat(255) + " ")).isTrue();
    assertThat(Device.isValidName("n".repeat(256))).isFalse();
    assertThat(Device.isValidName("line\nbreak")).isFalse();
    assertThatThrownBy(
            () ->
                Device.register(
                    DeviceId.of(1),
                    JANE,
                    DeviceToken.of(APNS),
                    DevicePlatform.IOS,
                    Optional.of("n".repeat(256)),
                    T0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void readsPlatformsInAnyCaseAndNothingElse() {
    assertThat(DevicePlatform.fromWireName("ios")).contains(DevicePlatform.IOS);
    assertThat(DevicePlatform.fromWireName("Android")).contains(DevicePlatform.ANDROID);
    assertThat(DevicePlatform.fromWireName("WEB")).contains(DevicePlatform.WEB);
    assertThat(DevicePlatform.fromWireName("windows")).isEmpty();
    assertThat(DevicePlatform.fromWireName("")).isEmpty();
    assertThat(DevicePlatform.fromWireName(null)).isEmpty();
    assertThat(DevicePlatform.IOS.wireName()).isEqualTo("ios");
  }

  @Test
  void beyondTheCapAreTheLeastRecentlyRegisteredNewerIdsWinningTies() {
    List<Device> devices = new ArrayList<>();
    IntStream.rangeClosed(1, 22).forEach(i -> devices.add(phone(i, T0.plusSeconds(i))));
    Device refreshed = devices.get(0);
    refreshed.registerAgain(DevicePlatform.IOS, Optional.empty(), T0.plusSeconds(100));
    Device tieOlderId = phone(23, T0.plusSeconds(2));
    devices.add(tieOlderId);
    Collections.shuffle(devices, new Random(1));

    List<Device> dropped = Device.beyondTheCap(devices);

    assertThat(dropped).extracting(device -> device.id().value()).containsExactly(3L, 23L, 2L);
    assertThat(Device.beyondTheCap(devices.subList(0, 20))).isEmpty();
  }

  @Test
  void idsArePositive() {
    assertThatThrownBy(() -> DeviceId.of(0)).isInstanceOf(IllegalArgumentException.class);
  }
}

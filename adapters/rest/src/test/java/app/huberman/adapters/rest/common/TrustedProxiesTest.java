package app.huberman.adapters.rest.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.huberman.application.shared.IpLiteral;
import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TrustedProxiesTest {

  private final TrustedProxies proxies = TrustedProxies.parse("127.0.0.1, ::1, 172.18.0.0/16");

  @Test
  void believesForwardedForOnlyFromATrustedProxy() {
    assertThat(proxies.clientAddress("172.18.0.5", "203.0.113.9")).isEqualTo("203.0.113.9");
    assertThat(proxies.clientAddress("198.51.100.1", "203.0.113.9")).isEqualTo("198.51.100.1");
    assertThat(proxies.clientAddress("::1", "2001:db8::7")).isEqualTo("2001:db8::7");
  }

  @Test
  void takesTheRightMostUntrustedHopSoAClientCannotForgeItsAddress() {
    assertThat(proxies.clientAddress("172.18.0.5", "1.2.3.4, 203.0.113.9, 172.18.0.9"))
        .isEqualTo("203.0.113.9");
  }

  @Test
  void ignoresGarbageAndNeverLooksUpNames() {
    assertThat(proxies.clientAddress("127.0.0.1", "evil.example.com")).isEqualTo("127.0.0.1");
    assertThat(proxies.clientAddress("127.0.0.1", "")).isEqualTo("127.0.0.1");
    assertThat(proxies.isTrusted("localhost")).isFalse();
  }

  /**
   * The attack: a hop that is a name, not an address. In this JVM the names of {@link
   * RecordingResolverProvider#HOSTILE} resolve to 127.0.0.1, a trusted proxy, as an attacker's DNS
   * would make them; resolving them would let a client hide behind "the proxy" and make the server
   * send DNS queries of the client's choosing.
   */
  @Test
  void aHopThatIsANameIsNeverResolvedNorTrustedEvenWhenItWouldResolveToAProxy() throws Exception {
    assertThat(InetAddress.getByName(RecordingResolverProvider.CHECK).getHostAddress())
        .as("the test resolver is installed: names like g:1 resolve to 127.0.0.1 here")
        .isEqualTo("127.0.0.1");
    TrustedProxies loopback = TrustedProxies.parse("127.0.0.1");

    for (String name : RecordingResolverProvider.HOSTILE) {
      assertThat(loopback.isTrusted(name)).as(name).isFalse();
      assertThat(loopback.clientAddress("127.0.0.1", "203.0.113.9, " + name))
          .as("a hop named %s is garbage: only the peer is believed", name)
          .isEqualTo("127.0.0.1");
      assertThatThrownBy(() -> TrustedProxies.parse(name)).hasMessageContaining("TRUSTED_PROXIES");
    }
    assertThat(RecordingResolverProvider.lookedUp())
        .as("no DNS look-up for a hop")
        .contains(RecordingResolverProvider.CHECK)
        .doesNotContainAnyElementsOf(RecordingResolverProvider.HOSTILE);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "g:1",
        "localhost",
        "example.com",
        "evil.example.com",
        "1.2.3",
        "1.2.3.4.5",
        "256.1.1.1",
        "01.2.3.4",
        "1.2.3.4:80",
        "1.2.3.",
        "::g",
        ":::",
        "1::2::3",
        ":1",
        "1:2:3:4:5:6:7:8:9",
        "1:2:3:4:5:6:7",
        "::1.2.3",
        "1.2.3.4::",
        "fe80::1%eth0",
        "[::1",
        "[1.2.3.4:80]",
        "12345::",
        "[localhost]"
      })
  void refusesWhatIsNotAnIpLiteralQuicklyAndWithoutALookUp(String text) {
    List<String> before = RecordingResolverProvider.lookedUp();
    long started = System.nanoTime();

    assertThat(IpLiteral.bytes(text)).isNull();
    assertThat(proxies.isTrusted(text)).isFalse();
    assertThat(proxies.clientAddress("127.0.0.1", text)).isEqualTo("127.0.0.1");
    assertThatThrownBy(() -> TrustedProxies.parse(text + "/8"))
        .hasMessageContaining("TRUSTED_PROXIES");

    assertThat(System.nanoTime() - started).as("no resolver timeout").isLessThan(200_000_000L);
    assertThat(RecordingResolverProvider.lookedUp()).as("no look-up").isEqualTo(before);
  }

  @Test
  void localhostIsNotTreatedAs127001() {
    TrustedProxies loopback = TrustedProxies.parse("127.0.0.1");

    assertThat(loopback.isTrusted("localhost")).isFalse();
    assertThat(loopback.clientAddress("127.0.0.1", "203.0.113.9, localhost"))
        .isEqualTo("127.0.0.1");
    assertThatThrownBy(() -> TrustedProxies.parse("localhost"))
        .hasMessageContaining("TRUSTED_PROXIES");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "0.0.0.0",
        "255.255.255.255",
        "172.28.0.10",
        "::",
        "::1",
        "[::1]",
        "1::",
        "2001:db8::7",
        "2001:DB8:0:0:8:800:200C:417A",
        "ff01::101",
        "1:2:3:4:5:6:7::",
        "::2:3:4:5:6:7:8",
        "1:2:3:4:5:6:7:8",
        "::ffff:10.0.0.1",
        "[::ffff:10.0.0.1]",
        "::ffff:a00:1",
        "64:ff9b::192.0.2.33",
        "1:2:3:4:5:6:1.2.3.4"
      })
  void readsEveryLiteralFormAsTheJdkDoes(String text) throws Exception {
    // InetAddress reads a literal without a look-up; its bytes are the reference.
    assertThat(IpLiteral.bytes(text)).isEqualTo(InetAddress.getByName(text).getAddress());
  }

  @Test
  void matchesIpv6BlocksAndBracketedPeers() {
    TrustedProxies v6 = TrustedProxies.parse("2001:db8::/32, [::1]");

    assertThat(v6.isTrusted("2001:db8:ffff::1")).isTrue();
    assertThat(v6.isTrusted("2001:db9::1")).isFalse();
    assertThat(v6.clientAddress("[::1]", "203.0.113.9")).isEqualTo("203.0.113.9");
  }

  @Test
  void matchesCidrBlocksBitByBit() {
    TrustedProxies block = TrustedProxies.parse("10.0.0.0/9");

    assertThat(block.isTrusted("10.127.255.255")).isTrue();
    assertThat(block.isTrusted("10.128.0.0")).isFalse();
    assertThat(block.isTrusted("::ffff:10.0.0.1")).as("IPv4-mapped: the same host").isTrue();
    assertThat(block.isTrusted("2001:db8::1")).isFalse();
  }

  @Test
  void refusesAMalformedList() {
    assertThatThrownBy(() -> TrustedProxies.parse("nginx")).hasMessageContaining("TRUSTED_PROXIES");
    for (String bad : List.of("10.0.0.0/33", "10.0.0.0/", "10.0.0.0/x", "10.0.0.0/-1", "::/129")) {
      assertThatThrownBy(() -> TrustedProxies.parse(bad))
          .as(bad)
          .hasMessageContaining("TRUSTED_PROXIES");
    }
  }
}

package app.huberman.adapters.rest.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

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
    assertThatThrownBy(() -> TrustedProxies.parse("10.0.0.0/33"))
        .hasMessageContaining("TRUSTED_PROXIES");
  }
}
